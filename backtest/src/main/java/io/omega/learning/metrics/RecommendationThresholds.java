package io.omega.learning.metrics;

/**
 * Thresholds of the recommendation; win rates and drawdowns in %. The promote values correspond to
 * {@code self_learning.min_eval_winrate_for_promotion}, {@code min_eval_sharpe_for_promotion},
 * {@code max_allowed_drawdown_for_candidate} and {@code promotion_significance}.
 *
 * @param promoteMinTrades        backtest trades below which no figure is trusted enough to promote
 * @param promoteEdgeSignificance the level the edge test's p-value must not exceed ({@link EdgeTest})
 */
public record RecommendationThresholds(double promoteMinWinRate, double promoteMinSharpe, double promoteMaxDrawdown,
                                       double monitorMinWinRate, double monitorMinSharpe,
                                       double monitorMaxDrawdown, int promoteMinTrades,
                                       double promoteEdgeSignificance) {

    /** Backtest trades a promotion needs, as the controller's gate requires. */
    public static final int MIN_PROMOTION_TRADES = 30;

    public static final RecommendationThresholds DEFAULTS = new RecommendationThresholds(55.0, 1.0, 20.0, 50.0, 0.5,
            30.0, MIN_PROMOTION_TRADES, 0.05);

    public RecommendationThresholds {
        double[] all = {promoteMinWinRate, promoteMinSharpe, promoteMaxDrawdown, monitorMinWinRate, monitorMinSharpe,
                monitorMaxDrawdown};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("recommendation thresholds must be finite, got " + v);
            }
        }
        if (promoteMinTrades < 0) {
            throw new IllegalArgumentException("recommendation: minimum trades must be >= 0, got " + promoteMinTrades);
        }
        if (!(promoteEdgeSignificance > 0 && promoteEdgeSignificance < 1)) {
            throw new IllegalArgumentException("recommendation: edge significance must be in (0, 1), got "
                    + promoteEdgeSignificance);
        }
    }

    /** The defaults with the promote thresholds replaced, e.g. by the values from config. */
    public RecommendationThresholds withPromote(double minWinRate, double minSharpe, double maxDrawdown) {
        return new RecommendationThresholds(minWinRate, minSharpe, maxDrawdown, monitorMinWinRate, monitorMinSharpe,
                monitorMaxDrawdown, promoteMinTrades, promoteEdgeSignificance);
    }

    /** The same with the edge test's level replaced ({@code self_learning.promotion_significance}). */
    public RecommendationThresholds withEdgeSignificance(double significance) {
        return new RecommendationThresholds(promoteMinWinRate, promoteMinSharpe, promoteMaxDrawdown, monitorMinWinRate,
                monitorMinSharpe, monitorMaxDrawdown, promoteMinTrades, significance);
    }
}
