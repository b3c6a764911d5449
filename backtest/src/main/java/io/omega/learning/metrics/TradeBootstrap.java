package io.omega.learning.metrics;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resamples the trades' returns on equity ({@link Trade#returnOnEquity()}) with replacement to give percentile
 * confidence intervals for the trade Sharpe ratio and the win rate, and a one-sided p-value against "no edge"
 * (mean trade return ≤ 0).
 *
 * <p>The trade Sharpe is mean / sample standard deviation of trade returns, annualised by √(trades per year); it is a
 * different estimator from the per-bar {@code sharpe_ratio} and is reported under its own name. The p-value is the
 * shifted-data bootstrap test (Efron and Tibshirani 1993, §16.4): the share of resamples whose mean, recentred on
 * the null, reaches the observed mean, {@code (1 + #{mean* − mean ≥ mean}) / (B + 1)}. Same seed, same inputs, same
 * figures.
 */
public final class TradeBootstrap {

    private final int resamples;
    private final double confidence;
    private final long seed;

    public TradeBootstrap(int resamples, double confidence, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap: at least 100 resamples, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("bootstrap: confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** Trade returns of a backtest, annualised with the trade frequency of its window. */
    public BootstrapResult run(BacktestResult result, double periodsPerYear) {
        double[] returns = result.trades().stream().mapToDouble(Trade::returnOnEquity).toArray();
        int bars = result.equity().length;
        double years = bars / periodsPerYear;
        return run(returns, years > 0 ? returns.length / years : 0);
    }

    /** @return the result, or {@code null} with fewer than 2 trades (nothing to resample) */
    public BootstrapResult run(double[] tradeReturns, double tradesPerYear) {
        int n = tradeReturns.length;
        if (n < 2) {
            return null;
        }
        double annualise = Math.sqrt(tradesPerYear);
        double observedMean = mean(tradeReturns);
        double observedSharpe = sharpe(tradeReturns, observedMean) * annualise;
        double observedWinRate = winRate(tradeReturns);

        SplittableRandom random = new SplittableRandom(seed);
        double[] sample = new double[n];
        double[] sharpes = new double[resamples];
        double[] winRates = new double[resamples];
        int atLeastObserved = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = tradeReturns[random.nextInt(n)];
            }
            double m = mean(sample);
            sharpes[b] = sharpe(sample, m) * annualise;
            winRates[b] = winRate(sample);
            if (m - observedMean >= observedMean) {
                atLeastObserved++;
            }
        }
        Arrays.sort(sharpes);
        Arrays.sort(winRates);
        double lo = (1 - confidence) / 2, hi = 1 - lo;
        return new BootstrapResult(n, resamples, confidence, seed, observedSharpe, quantile(sharpes, lo),
                quantile(sharpes, hi), observedWinRate, quantile(winRates, lo), quantile(winRates, hi),
                (1.0 + atLeastObserved) / (resamples + 1.0));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sharpe(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return ss == 0 ? 0 : mean / Math.sqrt(ss / (x.length - 1));
    }

    private static double winRate(double[] x) {
        int w = 0;
        for (double v : x) {
            if (v > 0) {
                w++;
            }
        }
        return 100.0 * w / x.length;
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7) on sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }
}
