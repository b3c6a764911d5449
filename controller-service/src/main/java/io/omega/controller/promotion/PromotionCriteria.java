package io.omega.controller.promotion;

import io.omega.config.SelfLearningConfig;

/**
 * What a candidate must show to be promoted. All must hold.
 *
 * @param minSharpe               {@code min_eval_sharpe_for_promotion}
 * @param minWinRate              {@code min_eval_winrate_for_promotion}, in %
 * @param maxDrawdown             {@code max_allowed_drawdown_for_candidate}, in % of the peak
 * @param minTrades               backtest trades needed for the figures to mean anything (30)
 * @param minImprovement          {@code min_improvement_over_production}: see {@link PromotionPolicy} for the
 *                                definition
 * @param edgeSignificance        {@code promotion_significance}: the edge test's level
 * @param improvementSignificance {@code improvement_significance}: the paired improvement test's level
 */
public record PromotionCriteria(double minSharpe, double minWinRate, double maxDrawdown, int minTrades,
                                double minImprovement, double edgeSignificance, double improvementSignificance) {

    public static final int MIN_BACKTEST_TRADES = 30;

    public static PromotionCriteria from(SelfLearningConfig config) {
        return new PromotionCriteria(config.minEvalSharpeForPromotion(), config.minEvalWinrateForPromotion(),
                config.maxAllowedDrawdownForCandidate(), MIN_BACKTEST_TRADES, config.minImprovementOverProduction(),
                config.promotionSignificance(), config.improvementSignificance());
    }
}
