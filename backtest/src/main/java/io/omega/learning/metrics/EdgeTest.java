package io.omega.learning.metrics;

/**
 * Is there an edge at all, allowing for how many candidates were tried? The p-value is one minus the deflated Sharpe
 * ratio ({@link DeflatedSharpeRatio}) of the per-bar returns: the probability of a Sharpe ratio this high from the
 * best of {@code trials} candidates that have no skill. With one trial it is the one-sided p-value of "Sharpe ≤ 0";
 * each further trial raises the bar, so picking the luckiest of many candidates does not pass for skill.
 *
 * @param pValue            1 − DSR; 1 when the returns have no variance (no trades): there is no evidence of an edge
 * @param trials            candidates of the type tried, this one included
 * @param sharpePerBar      the candidate's per-bar Sharpe ratio
 * @param expectedMaxSharpe the per-bar Sharpe ratio the best of {@code trials} skill-less candidates would show
 */
public record EdgeTest(double pValue, int trials, double sharpePerBar, double expectedMaxSharpe) {

    /**
     * @param perBarReturns the candidate's per-bar equity returns ({@link PerformanceCalculator#perBarReturns})
     * @param trials        candidates tried, at least 1
     */
    public static EdgeTest run(double[] perBarReturns, int trials) {
        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.compute(perBarReturns, trials, Double.NaN);
        if (dsr == null) {
            return new EdgeTest(1.0, trials, 0.0, 0.0);
        }
        return new EdgeTest(1 - dsr.probability(), trials, dsr.sharpePerPeriod(), dsr.expectedMaxSharpe());
    }

    public boolean passes(double significance) {
        return pValue <= significance;
    }
}
