package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/**
 * {@code sharpe_ratio}: per-bar simple returns of the equity curve, {@code r_i = e_i / e_(i-1) - 1} for i = 1..n-1,
 * including the bars spent flat (return 0); risk-free rate 0; {@code mean / s × √(periods per year)} where {@code s}
 * is the <b>sample</b> standard deviation (divisor n - 1, as ta4j's SharpeRatioCriterion). The period is one bar.
 * Fewer than two returns, or a standard deviation of exactly 0 (flat equity, e.g. no trades), give 0: there is no
 * risk-adjusted evidence either way.
 */
public final class SharpeRatio implements BacktestCriterion {

    private final double periodsPerYear;

    /** @param periodsPerYear bars per year, positive and finite: the annualisation */
    public SharpeRatio(double periodsPerYear) {
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive and finite, got " + periodsPerYear);
        }
        this.periodsPerYear = periodsPerYear;
    }

    public double periodsPerYear() {
        return periodsPerYear;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.equity(), periodsPerYear);
    }

    public static double of(double[] equity, double periodsPerYear) {
        return perPeriod(perBarReturns(equity)) * Math.sqrt(periodsPerYear);
    }

    /** Per-bar simple returns; a bar that starts at zero or negative equity (the account is gone) contributes 0. */
    public static double[] perBarReturns(double[] equity) {
        int n = Math.max(equity.length - 1, 0);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double prev = equity[i];
            r[i] = prev > 0 ? equity[i + 1] / prev - 1 : 0;
        }
        return r;
    }

    /** mean / sample standard deviation, not annualised; 0 for fewer than 2 values or zero deviation. */
    public static double perPeriod(double[] returns) {
        int n = returns.length;
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        double mean = sum / n, ss = 0;
        for (double r : returns) {
            double d = r - mean;
            ss += d * d;
        }
        if (ss == 0) {
            return 0;
        }
        return mean / Math.sqrt(ss / (n - 1));
    }
}
