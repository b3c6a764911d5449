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
final class CandidateTrainers {

    private CandidateTrainers() {
    }

    static DeepLearningCandidateTrainer deepLearning(OmegaConfig config, Consumer<EpochProgress> progress) {
        Clock clock = Clock.systemUTC();
        var dataDir = config.storage().dataDir();
        return new DeepLearningCandidateTrainer(config.training(), new TrainingRows(new ExperienceStore(dataDir, clock)),
                new ModelArtifactStore(dataDir, clock), dataDir, progress);
    }
}
