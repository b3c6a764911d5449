package io.omega.evaluator.evaluate;

import io.omega.config.OmegaConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.metrics.RecommendationThresholds;
import io.omega.store.ExperienceStore;

import java.time.Clock;

/**
 * A {@link ModelEvaluator} as the configuration describes it: paper-trading costs and sizing, promotion thresholds
 * and the edge test's level.
 */
public final class Evaluators {

    private Evaluators() {
    }

    public static ModelEvaluator fromConfig(OmegaConfig config, Clock clock) {
        var sl = config.selfLearning();
        BacktestSettings settings = BacktestSettings.from(config.paperTrading());
        RecommendationThresholds thresholds = RecommendationThresholds.DEFAULTS.withPromote(
                sl.minEvalWinrateForPromotion(), sl.minEvalSharpeForPromotion(), sl.maxAllowedDrawdownForCandidate())
                .withEdgeSignificance(sl.promotionSignificance());
        var dataDir = config.storage().dataDir();
        return new ModelEvaluator(new ExperienceStore(dataDir, clock), new ModelArtifactStore(dataDir, clock), settings,
                thresholds);
    }

    /** The replay of a version's live stints, with the paper broker's costs, sizing and threshold. */
    public static LiveReplay liveReplay(OmegaConfig config, Clock clock) {
        var dataDir = config.storage().dataDir();
        return new LiveReplay(new ExperienceStore(dataDir, clock), new ModelArtifactStore(dataDir, clock),
                BacktestSettings.from(config.paperTrading()));
    }
}
