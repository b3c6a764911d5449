package io.omega.learning.metrics;

/**
 * Thresholds of the recommendation; win rates and drawdowns in %. The promote values correspond to
 * {@code self_learning.min_eval_winrate_for_promotion}, {@code min_eval_sharpe_for_promotion} and
 * {@code max_allowed_drawdown_for_candidate}.
 */
public record RecommendationThresholds(double promoteMinWinRate, double promoteMinSharpe, double promoteMaxDrawdown,
                                       double monitorMinWinRate, double monitorMinSharpe,
                                       double monitorMaxDrawdown) {

    public static final RecommendationThresholds DEFAULTS = new RecommendationThresholds(55.0, 1.0, 20.0, 50.0, 0.5,
            30.0);

    public RecommendationThresholds {
        double[] all = {promoteMinWinRate, promoteMinSharpe, promoteMaxDrawdown, monitorMinWinRate, monitorMinSharpe,
                monitorMaxDrawdown};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("recommendation thresholds must be finite, got " + v);
            }
        }
    }

    /** The defaults with the promote thresholds replaced, e.g. by the values from config. */
    public RecommendationThresholds withPromote(double minWinRate, double minSharpe, double maxDrawdown) {
        return new RecommendationThresholds(minWinRate, minSharpe, maxDrawdown, monitorMinWinRate, monitorMinSharpe,
                monitorMaxDrawdown);
    }
}
