package io.omega.learning.metrics;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;

/**
 * Computes {@link PerformanceMetrics} from a backtest: the one implementation of the metric definitions.
 *
 * <p>Counting: a trade wins when its net pnl (fees and slippage charged) is above 0 and loses when below 0; a trade
 * at exactly 0 counts in the total only.
 *
 * <p>Sharpe: per-bar simple returns of the equity curve, {@code r_i = e_i / e_(i-1) - 1} for i = 1..n-1, including
 * the bars spent flat (return 0); risk-free rate 0; {@code mean / s × √(periods per year)} where {@code s} is the
 * <b>sample</b> standard deviation (divisor n - 1, as ta4j's SharpeRatioCriterion). The period is one bar, so for
 * 24/7 crypto the caller passes {@link #periodsPerYear24x7(long)} = 365 × bars per day. Fewer than two returns, or a
 * standard deviation of exactly 0 (flat equity, e.g. no trades), give 0: there is no risk-adjusted evidence either
 * way.
 *
 * <p>Max drawdown: the peak starts at the first equity value (the starting capital); the result is the largest
 * {@code (peak - e) / peak × 100}; 0 when equity never falls below a previous peak.
 */
public final class PerformanceCalculator {

    private PerformanceCalculator() {
    }

    /** Bars per year for a market that trades 365 days, 24 hours, given the bar length. */
    public static double periodsPerYear24x7(long barMillis) {
        if (barMillis <= 0) {
            throw new IllegalArgumentException("bar length must be positive, got " + barMillis + " ms");
        }
        return 365.0 * (86_400_000.0 / barMillis);
    }

    public static PerformanceMetrics evaluate(BacktestResult result, double periodsPerYear) {
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive and finite, got " + periodsPerYear);
        }
        int total = result.trades().size(), wins = 0, losses = 0;
        double totalPnl = 0, grossProfit = 0, grossLoss = 0;
        for (Trade t : result.trades()) {
            double pnl = t.pnl();
            totalPnl += pnl;
            if (pnl > 0) {
                wins++;
                grossProfit += pnl;
            } else if (pnl < 0) {
                losses++;
                grossLoss -= pnl;
            }
        }
        double winRate = total == 0 ? 0 : (double) wins / total * 100;
        double avgProfit = total == 0 ? 0 : totalPnl / total;
        double returnPct = totalPnl / result.startingCapital() * 100;
        return new PerformanceMetrics(total, wins, losses, winRate, totalPnl, avgProfit, returnPct,
                maxDrawdownPct(result.equity()), sharpeRatio(result.equity(), periodsPerYear),
                profitFactor(grossProfit, grossLoss), grossProfit, grossLoss, periodsPerYear);
    }

    public static double profitFactor(double grossProfit, double grossLoss) {
        if (grossLoss > 0) {
            return grossProfit / grossLoss;
        }
        return grossProfit > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    public static double maxDrawdownPct(double[] equity) {
        if (equity.length == 0) {
            return 0;
        }
        double peak = equity[0], worst = 0;
        for (double e : equity) {
            if (e > peak) {
                peak = e;
            } else if (peak > 0) {
                double dd = (peak - e) / peak;
                if (dd > worst) {
                    worst = dd;
                }
            }
        }
        return worst * 100;
    }

    /**
     * Per-bar simple returns; a bar that starts at zero or negative equity (the account is gone) contributes 0.
     */
    public static double[] perBarReturns(double[] equity) {
        int n = Math.max(equity.length - 1, 0);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double prev = equity[i];
            r[i] = prev > 0 ? equity[i + 1] / prev - 1 : 0;
        }
        return r;
    }

    public static double sharpeRatio(double[] equity, double periodsPerYear) {
        return perPeriodSharpe(perBarReturns(equity)) * Math.sqrt(periodsPerYear);
    }

    /** mean / sample standard deviation, not annualised; 0 for fewer than 2 values or zero deviation. */
    public static double perPeriodSharpe(double[] returns) {
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
