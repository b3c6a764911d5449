package io.omega.learning.model;

import io.omega.config.TrainingConfig;

/** Epochs, batch size, early-stopping patience and the seed for shuffling batches. */
public record TrainOptions(int epochs, int batchSize, int patience, long seed) {

    public TrainOptions {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batch size and patience must be >= 1, got "
                    + epochs + ", " + batchSize + ", " + patience);
        }
    }

    public static TrainOptions from(TrainingConfig config) {
        return new TrainOptions(config.epochs(), config.batchSize(), config.earlyStoppingPatience(), config.seed());
    }
}
