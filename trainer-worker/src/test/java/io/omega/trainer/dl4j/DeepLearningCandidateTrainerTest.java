package io.omega.trainer.dl4j;

import io.omega.config.OmegaConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.EpochProgress;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.store.ExperienceStore;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real training run on Deeplearning4j, from Parquet experience files to a saved, checksummed model. */
class DeepLearningCandidateTrainerTest {

    private static final Instant NOW = Instant.parse("2025-01-24T12:00:00Z");
    private static final int BARS = 400;

    @TempDir
    Path dataDir;

    @Test
    void trainsFromLoggedDecisionsAndSavesAModelTheRegistryCanVerify() throws Exception {
        Instant first = NOW.minusSeconds(60L * BARS);
        writeDay(first);
        List<EpochProgress> epochs = new ArrayList<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var trainer = new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, clock)), new ModelArtifactStore(dataDir, clock), dataDir,
                epochs::add);

        TrainedCandidate candidate = trainer.train(job("cnn", TargetType.DIRECTION, 2));

        assertThat(candidate.modelType()).isEqualTo("cnn");
        assertThat(candidate.version()).isEqualTo("20250124_120000");
        assertThat(candidate.artifactUri()).isEqualTo("models/cnn/cnn_20250124_120000.zip");
        Path zip = dataDir.resolve(candidate.artifactUri());
        assertThat(zip).isRegularFile();
        assertThat(candidate.sha256()).isEqualTo(ModelArtifactStore.sha256(zip));
        assertThat(dataDir.resolve("models/cnn/cnn_20250124_120000.json")).isRegularFile();
        assertThat(candidate.metrics()).containsKeys("val_accuracy", "val_loss", "test_accuracy", "best_epoch",
                "epochs_run");
        assertThat(candidate.metrics().get("epochs_run")).isEqualTo(2.0);
        assertThat(candidate.metrics().get("val_accuracy")).isBetween(0.0, 1.0);
        assertThat(candidate.config()).containsEntry("epochs", "2").containsEntry("window_size", "20")
                .containsEntry("prediction_horizon", "5").containsEntry("target_type", "direction");
        // Shadow decisions repeat production's bars: the data range is the production rows'.
        assertThat(candidate.dataFrom()).isEqualTo(first);
        assertThat(candidate.dataTo()).isEqualTo(first.plusSeconds(60L * (BARS - 1)));
        assertThat(epochs).extracting(EpochProgress::epoch).containsExactly(1, 2);
    }

    @Test
    void aRequestWithDataUpToLearnsFromWhatWasLoggedUpToThenAndWaitsBoundedlyForWhatIsNotFiled() throws Exception {
        Instant first = NOW.minusSeconds(60L * BARS);
        writeDay(first);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var trainer = new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, clock)), new ModelArtifactStore(dataDir, clock), dataDir,
                e -> { }, java.time.Duration.ofMillis(400));

        // Bar 300 and the outcome closed 30 s after it are on file: no wait, and nothing after bar 300 is used.
        Instant upTo = first.plusSeconds(60L * 300);
        TrainedCandidate partial = trainer.train(job("cnn", TargetType.DIRECTION, 1, upTo));
        assertThat(partial.dataFrom()).isEqualTo(first);
        assertThat(partial.dataTo()).isEqualTo(upTo);

        // Nothing is filed at or after this time: the trainer waits its 400 ms, then learns from everything there is.
        Instant future = first.plusSeconds(60L * (BARS + 100));
        long started = System.nanoTime();
        TrainedCandidate all = trainer.train(job("lstm", TargetType.DIRECTION, 1, future));
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(400_000_000L);
        assertThat(all.dataTo()).isEqualTo(first.plusSeconds(60L * (BARS - 1)));
    }

    @Test
    void noLoggedDataIsAClearFailure() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var trainer = new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, clock)), new ModelArtifactStore(dataDir, clock), dataDir,
                e -> { });
        assertThatThrownBy(() -> trainer.train(job("lstm", TargetType.DIRECTION, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no decisions logged in the last 7 day(s) under " + dataDir.toAbsolutePath().normalize()
                        .resolve("experiences") + " (0 files read, 0 shadow decisions left out)");
        assertThat(Files.exists(dataDir.resolve("models"))).isFalse();
    }

    private static TrainingJob job(String type, TargetType target, int epochs) {
        return new TrainingJob("req-1", type, 7, epochs, 32, 20, 5, target, TrainingReason.MANUAL, "test");
    }

    private static TrainingJob job(String type, TargetType target, int epochs, Instant dataUpTo) {
        return new TrainingJob("req-1", type, 7, epochs, 32, 20, 5, target, TrainingReason.TRADE_COUNT, "test",
                dataUpTo);
    }

    private void writeDay(Instant first) throws Exception {
        SyntheticExperience.writeMinuteBars(dataDir, first, BARS, 7);
    }
}
