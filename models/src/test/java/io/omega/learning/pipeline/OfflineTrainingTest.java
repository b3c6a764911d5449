package io.omega.learning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.config.TrainingConfig;
import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.artifact.LoadedModel;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.InsufficientDataException;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.dataset.SyntheticRows;
import io.omega.learning.model.EpochProgress;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTrainingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private static TrainingConfig config(TargetType target) {
        return new TrainingConfig(7, 3, 64, 16, 4, target, 10, 0.001, 3, 0.2, 0.2);
    }

    @Test
    void trainsOnLoggedRowsAndSavesALoadableModelWithItsMetadata() throws Exception {
        List<MarketRow> rows = new ArrayList<>(SyntheticRows.predictable("BTC", 500, 4, 1));
        rows.addAll(SyntheticRows.predictable("ETH", 500, 4, 2));
        TrainingConfig config = config(TargetType.DIRECTION);
        List<EpochProgress> epochs = new ArrayList<>();
        OfflineTraining.Outcome outcome = new OfflineTraining(new ModelArtifactStore(dataDir, CLOCK)).run(
                ModelType.LSTM, rows, DatasetSpec.of(List.of("signal", "noise", "level"), config), config,
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochProgress progress) {
                        epochs.add(progress);
                    }
                });

        assertThat(epochs).hasSize(3);
        assertThat(outcome.saved().zip()).isEqualTo(dataDir.resolve("models/lstm/lstm_20261124_200000.zip"));
        assertThat(Files.size(outcome.saved().zip())).isPositive();
        assertThat(outcome.saved().metadata().metrics().test()).isEqualTo(outcome.result().test());
        assertThat(outcome.saved().metadata().dataRange().trainSamples()).isEqualTo(outcome.split().train().size());
        LoadedModel loaded = new ModelArtifactStore(dataDir, CLOCK).loadModel(ModelType.LSTM, "20261124_200000");
        assertThat(loaded.metadata().features()).containsExactly("signal", "noise", "level");
        assertThat(loaded.metadata().classes()).containsExactly("DOWN", "UP");
        // LSTM(64) + LSTM(32) + Dense(32) + Output(2) over 3 features
        assertThat(loaded.network().numParams())
                .isEqualTo(4L * 64 * (3 + 64 + 1) + 4L * 32 * (64 + 32 + 1) + (32 * 32 + 32) + (32 * 2 + 2));
    }

    @Test
    void returnTargetTrainsARegressionModel() {
        TrainingConfig config = config(TargetType.RETURN);
        OfflineTraining.Outcome outcome = new OfflineTraining(new ModelArtifactStore(dataDir, CLOCK)).run(
                ModelType.CNN, SyntheticRows.randomWalk("BTC", 400, 3),
                DatasetSpec.of(List.of("ret", "trend", "noise"), config), config, TrainingListener.NONE);
        assertThat(outcome.result().test().meanSquaredError()).isNotNull().isFinite();
        assertThat(outcome.saved().metadata().target()).isEqualTo("return");
        assertThat(outcome.saved().metadata().classes()).isEmpty();
    }

    @Test
    void tooLittleDataFailsBeforeAnythingIsWritten() {
        TrainingConfig config = config(TargetType.DIRECTION);
        assertThatThrownBy(() -> new OfflineTraining(new ModelArtifactStore(dataDir, CLOCK)).run(ModelType.CNN,
                SyntheticRows.randomWalk("BTC", 15, 3), DatasetSpec.of(List.of("ret"), config), config,
                TrainingListener.NONE))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("15 rows for 1 symbol(s)");
        assertThat(dataDir.resolve("models")).doesNotExist();
    }
}
