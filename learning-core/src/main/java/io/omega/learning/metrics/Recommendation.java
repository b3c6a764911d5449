package io.omega.learning.metrics;

/** The evaluator's verdict on a model, from DESIGN.md's thresholds. */
public enum Recommendation {
    PROMOTE, MONITOR, REJECT;

    /** PROMOTE when all promote thresholds hold, else MONITOR when all monitor thresholds hold, else REJECT. */
    public static Recommendation of(PerformanceMetrics m, RecommendationThresholds t) {
        if (m.winRate() >= t.promoteMinWinRate() && m.sharpeRatio() >= t.promoteMinSharpe()
                && m.maxDrawdown() <= t.promoteMaxDrawdown()) {
            return PROMOTE;
        }
        if (m.winRate() >= t.monitorMinWinRate() && m.sharpeRatio() >= t.monitorMinSharpe()
                && m.maxDrawdown() <= t.monitorMaxDrawdown()) {
            return MONITOR;
        }
        return REJECT;
    }
}
