package io.omega.paper.decide;

import io.omega.config.OmegaConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.model.ModelType;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.store.ExperienceStore;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.trainer.dl4j.DeepLearningCandidateTrainer;
import io.omega.trainer.dl4j.TrainingRows;
import io.omega.trainer.job.TrainingJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A real trained CNN deciding bar by bar, as the engine uses it. */
class ModelDeciderTest {

    private static final Instant NOW = Instant.parse("2025-01-24T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void saysFlatUntilItsWindowIsFullThenPredictsWithItsOwnFeaturesAndNormalisation() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String version = trainCnn(clock);
        ModelDecider decider = new ModelDecider(new ModelArtifactStore(dataDir, clock).loadModel(ModelType.CNN, version));
        assertThat(decider.version()).isEqualTo(version);

        // the first row lacks a feature and nothing can be carried: FLAT, and the window does not start
        assertThat(decider.predict("BTC-USDT-SWAP", Map.of("ret_1", 0.001, "vol", 0.001)).pFlat()).isEqualTo(1.0);
        Prediction last = null;
        for (int i = 0; i < 20; i++) {
            Map<String, Double> features = new HashMap<>(Map.of("ret_1", 0.001 * (i % 3 - 1), "vol", 0.001,
                    "close", 42_000.0 + i));
            last = decider.predict("BTC-USDT-SWAP", features);
            if (i < 19) {
                assertThat(last.pFlat()).as("bar %d", i).isEqualTo(1.0);
            }
        }
        assertThat(last.modelType()).isEqualTo("cnn");
        assertThat(last.modelVersion()).isEqualTo(version);
        assertThat(last.pLong() + last.pShort()).isCloseTo(1.0, within(1e-5));
        assertThat(last.pFlat()).isCloseTo(0.0, within(1e-5));
        // another symbol has its own window
        assertThat(decider.predict("ETH-USDT-SWAP", Map.of("ret_1", 0.0, "vol", 0.001, "close", 3_000.0)).pFlat())
                .isEqualTo(1.0);
    }

    @Test
    void warmedUpWithTheRecentBarsItDecidesFromItsFirstBarAsIfItHadSeenThemAll() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String version = trainCnn(clock);
        ModelArtifactStore store = new ModelArtifactStore(dataDir, clock);
        ModelDecider fedBarByBar = new ModelDecider(store.loadModel(ModelType.CNN, version));
        ModelDecider warmedUp = new ModelDecider(store.loadModel(ModelType.CNN, version));

        List<Map<String, Double>> recent = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            recent.add(Map.of("ret_1", 0.001 * (i % 3 - 1), "vol", 0.001 + i * 1e-5, "close", 42_000.0 + i));
        }
        for (Map<String, Double> row : recent) {
            fedBarByBar.predict("BTC-USDT-SWAP", row);
        }
        warmedUp.warmUp("BTC-USDT-SWAP", recent);

        Map<String, Double> next = Map.of("ret_1", 0.002, "vol", 0.0011, "close", 42_050.0);
        Prediction expected = fedBarByBar.predict("BTC-USDT-SWAP", next);
        Prediction first = warmedUp.predict("BTC-USDT-SWAP", next);
        assertThat(first.pFlat()).isCloseTo(0.0, within(1e-5));
        assertThat(first.pLong()).isEqualTo(expected.pLong());
        assertThat(first.pShort()).isEqualTo(expected.pShort());
        // a symbol it was not warmed up on still waits for its window
        assertThat(warmedUp.predict("ETH-USDT-SWAP", next).pFlat()).isEqualTo(1.0);
    }

    /** A CNN of window 20 trained for one epoch on 400 synthetic minutes; its version. */
    private String trainCnn(Clock clock) throws Exception {
        SyntheticExperience.writeMinuteBars(dataDir, NOW.minusSeconds(60L * 400), 400, 9);
        return new DeepLearningCandidateTrainer(OmegaConfig.defaults().training(),
                new TrainingRows(new ExperienceStore(dataDir, clock)), new ModelArtifactStore(dataDir, clock), dataDir,
                e -> { }).train(new TrainingJob("r", "cnn", 2, 1, 32, 20, 5, TargetType.DIRECTION,
                TrainingReason.MANUAL, "t")).version();
    }
}
