package io.omega.app.trainer;

import io.omega.config.OmegaConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.EpochProgress;
import io.omega.store.ExperienceStore;
import io.omega.trainer.dl4j.DeepLearningCandidateTrainer;
import io.omega.trainer.dl4j.TrainingRows;

import java.time.Clock;
import java.util.function.Consumer;

/** The Deeplearning4j trainer over the configured data directory, as both training commands use it. */
public final class CandidateTrainers {

    private CandidateTrainers() {
    }

    public static DeepLearningCandidateTrainer deepLearning(OmegaConfig config, Consumer<EpochProgress> progress) {
        Clock clock = Clock.systemUTC();
        var dataDir = config.storage().dataDir();
        return new DeepLearningCandidateTrainer(config.training(), new TrainingRows(new ExperienceStore(dataDir, clock)),
                new ModelArtifactStore(dataDir, clock), dataDir, progress, waitForData(config));
    }

    /** How long a training waits for the sink to file the experience it asks for: one flush interval and a margin. */
    public static java.time.Duration waitForData(OmegaConfig config) {
        return java.time.Duration.ofMillis(config.sink().flushIntervalMs()).plusSeconds(5);
    }
}
