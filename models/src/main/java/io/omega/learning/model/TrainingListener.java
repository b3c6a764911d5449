package io.omega.learning.model;

/** Receives training progress; every method runs on the training thread, so keep it quick. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() { };

    default void onStart(int maxEpochs, int trainSamples, int validationSamples) {
    }

    default void onEpoch(EpochProgress progress) {
    }

    default void onFinish(TrainingResult result) {
    }
}
