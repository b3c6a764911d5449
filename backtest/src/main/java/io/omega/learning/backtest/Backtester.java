package io.omega.learning.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns per-bar class probabilities into trades and an equity curve, through the {@link ExecutionModel} the paper
 * broker trades with (its javadoc states the fill, exit, cost and sizing rules). Equity is marked to market at each
 * close.
 *
 * <p>Signal: the class with the highest probability, acted on only when it is at least
 * {@code decision_threshold}; ties give no signal. FLAT never opens or closes a position.
 *
 * <p>Stretches without a position, an order or a signal are skipped with one scan of the signals and one fill of the
 * equity curve.
 */
public final class Backtester {

    private final BacktestSettings settings;

    public Backtester(BacktestSettings settings) {
        this.settings = settings;
    }

    public BacktestSettings settings() {
        return settings;
    }

    /**
     * @return +1 (long), -1 (short) or 0 (no action) for one bar's probabilities
     */
    public static int signal(double pLong, double pShort, double pFlat, double threshold) {
        if (pLong >= threshold && pLong > pShort && pLong > pFlat) {
            return 1;
        }
        if (pShort >= threshold && pShort > pLong && pShort > pFlat) {
            return -1;
        }
        return 0;
    }

    /** Decides each bar's signal from the probabilities, then runs {@link #run(Bars, byte[])}. */
    public BacktestResult run(Bars bars, ClassProbabilities probabilities) {
        if (probabilities.size() != bars.size()) {
            throw new IllegalArgumentException("probabilities cover " + probabilities.size() + " bars but there are "
                    + bars.size() + " bars");
        }
        return run(bars, signals(probabilities, settings.decisionThreshold()));
    }

    /** Each bar's {@link #signal} as +1, -1 or 0. */
    public static byte[] signals(ClassProbabilities probabilities, double threshold) {
        int n = probabilities.size();
        final double[] pl = probabilities.longProbability(), ps = probabilities.shortProbability(),
                pf = probabilities.flatProbability();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) signal(pl[i], ps[i], pf[i], threshold);
        }
        return out;
    }

    /**
     * Runs on precomputed signals, one per bar: +1 long, -1 short, 0 none (e.g. from {@link #signals}).
     */
    public BacktestResult run(Bars bars, byte[] signals) {
        int n = bars.size();
        if (signals.length != n) {
            throw new IllegalArgumentException("signals cover " + signals.length + " bars but there are " + n
                    + " bars");
        }
        final long[] time = bars.timeMillis();
        final double[] open = bars.open(), high = bars.high(), low = bars.low(), close = bars.close();
        double[] equity = new double[n];
        List<Trade> trades = new ArrayList<>();
        ExecutionModel account = new ExecutionModel(settings, new ExecutionModel.Fills() {
            @Override
            public void opened(ExecutionModel.Entry entry) {
            }

            @Override
            public void closed(Trade trade) {
                trades.add(trade);
            }
        });

        for (int t = 0; t < n; t++) {
            account.atOpen(time[t], open[t], high[t], low[t]);
            if (t == n - 1) {
                account.endOfData(close[t]);
                equity[t] = account.cash();
                break;
            }
            account.atClose(signals[t]);
            equity[t] = account.equity(close[t]);
            if (account.idle()) {
                // Flat with nothing pending: equity stays at cash until the next signal (or the last bar).
                int k = t + 1;
                while (k < n - 1 && signals[k] == 0) {
                    k++;
                }
                if (k > t + 1) {
                    Arrays.fill(equity, t + 1, k, account.cash());
                    account.skipIdle(k - t - 1, time[k - 1]);
                    t = k - 1;
                }
            }
        }
        return new BacktestResult(trades, equity, settings.startingCapital());
    }
}
