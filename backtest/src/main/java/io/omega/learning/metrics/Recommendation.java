package io.omega.learning.metrics;

/** The evaluator's verdict on a model, from the recommendation thresholds and the evidence that it has an edge at all. */
public enum Recommendation {
    PROMOTE, MONITOR, REJECT;

    /**
     * PROMOTE when all promote thresholds hold, the backtest has at least the minimum of trades and the edge test
     * passes; else MONITOR when all monitor thresholds hold; else REJECT. Good figures from a handful of trades, or
     * from the luckiest of many candidates, are not evidence enough to promote.
     */
    public static Recommendation of(PerformanceMetrics m, EdgeTest edge, RecommendationThresholds t) {
        if (m.winRate() >= t.promoteMinWinRate() && m.sharpeRatio() >= t.promoteMinSharpe()
                && m.maxDrawdown() <= t.promoteMaxDrawdown() && m.totalTrades() >= t.promoteMinTrades()
                && edge.passes(t.promoteEdgeSignificance())) {
            return PROMOTE;
        }
        if (m.winRate() >= t.monitorMinWinRate() && m.sharpeRatio() >= t.monitorMinSharpe()
                && m.maxDrawdown() <= t.monitorMaxDrawdown()) {
            return MONITOR;
        }
        return REJECT;
    }
}
