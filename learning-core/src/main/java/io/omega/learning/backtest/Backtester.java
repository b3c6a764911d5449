package io.omega.learning.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns per-bar class probabilities into trades and an equity curve.
 *
 * <p>Timing, chosen so that no decision uses a price it could not have seen:
 * <ol>
 * <li>The probabilities of bar {@code t} are known at its close. A decision taken there fills at the <b>open of bar
 * {@code t + 1}</b>: entries, exits on an opposite signal and exits on timeout.</li>
 * <li>Within a bar, first the pending order from the previous close fills at the open; then, if a position is open
 * (including one entered at this open), its stop-loss and take-profit are tested against the bar's low and high.</li>
 * <li>At the close, equity is marked to market and the next decision is taken. One position at a time; a bar's close
 * either opens a position (when flat) or schedules an exit (when in one), never both, so an opposite signal closes
 * the position and a new one needs the signal again at a later close.</li>
 * </ol>
 *
 * <p>Signal: the class with the highest probability, acted on only when it is at least
 * {@code decision_threshold}; ties give no signal. FLAT never opens or closes a position.
 *
 * <p>Stops and targets are measured from the entry fill price. If a bar touches both, the stop is assumed to have
 * been hit first (the conservative reading, as the bar does not tell the order). A stop fills at the stop level, or
 * at the open when the bar opened beyond it (gap); a target fills at the target level. Timeout: a position that has
 * been held {@code max_holding_bars} closes (counting the entry bar) exits at the next open. A position still open at
 * the last bar is closed at its close ({@link ExitReason#END_OF_DATA}).
 *
 * <p>Costs: every fill moves the price against the trader by {@code slippage_rate}, and pays {@code fee_rate} of the
 * fill's notional. Sizing: the allocation ({@code position_size_pct} % of equity, the account being flat) equals the
 * quantity times the net entry price per unit, i.e. the fill price with the fee added for a buy and deducted for a
 * sell. For a long this means the allocation pays for the notional and the entry fee together, so 100 % never
 * borrows; it is also the convention of ta4j's cash flow, which lets the equity curve be cross-checked exactly.
 *
 * <p>The loop works on primitive arrays and allocates only when a trade closes; stretches without a position and
 * without a signal are skipped with one scan of the signals and one fill of the equity curve.
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
        final double fee = settings.feeRate(), slip = settings.slippageRate();
        final double sizeFraction = settings.positionSizePct() / 100.0;
        final double stopFraction = settings.stopLossPct() / 100.0, targetFraction = settings.takeProfitPct() / 100.0;
        final int maxHolding = settings.maxHoldingBars();

        double[] equity = new double[n];
        List<Trade> trades = new ArrayList<>();

        double cash = settings.startingCapital(); // equity while flat; equity before entry while in a position
        int dir = 0;                              // 0 flat, +1 long, -1 short
        double qty = 0, entryFill = 0, entryFee = 0, stop = 0, target = 0;
        int entryBar = 0;
        int pendingEntry = 0;                     // direction to open at the next open
        ExitReason pendingExit = null;            // reason to close at the next open

        for (int t = 0; t < n; t++) {
            if (pendingExit != null) {
                final double o = open[t];
                double fill = o * (1 - dir * slip);
                double exitFee = fee * qty * fill;
                double pnl = dir * qty * (fill - entryFill) - entryFee - exitFee;
                trades.add(new Trade(entryBar, t, time[entryBar], time[t], dir > 0 ? Direction.LONG : Direction.SHORT,
                        entryFill, fill, qty, pnl, entryFee + exitFee, pendingExit, cash));
                cash += pnl;
                dir = 0;
                pendingExit = null;
            } else if (pendingEntry != 0) {
                final double o = open[t];
                double allocation = cash * sizeFraction;
                if (allocation > 0) {
                    dir = pendingEntry;
                    entryFill = o * (1 + dir * slip);
                    qty = allocation / (entryFill * (1 + dir * fee));
                    entryFee = fee * qty * entryFill;
                    entryBar = t;
                    stop = entryFill * (1 - dir * stopFraction);
                    target = entryFill * (1 + dir * targetFraction);
                }
                pendingEntry = 0;
            }

            if (dir != 0) {
                final double h = high[t], l = low[t];
                boolean stopHit = dir > 0 ? l <= stop : h >= stop;
                boolean targetHit = dir > 0 ? h >= target : l <= target;
                if (stopHit || targetHit) {
                    double level;
                    ExitReason reason;
                    if (stopHit) { // both touched: stop first (conservative)
                        level = dir > 0 ? Math.min(open[t], stop) : Math.max(open[t], stop);
                        reason = ExitReason.STOP_LOSS;
                    } else {
                        level = target;
                        reason = ExitReason.TAKE_PROFIT;
                    }
                    double fill = level * (1 - dir * slip);
                    double exitFee = fee * qty * fill;
                    double pnl = dir * qty * (fill - entryFill) - entryFee - exitFee;
                    trades.add(new Trade(entryBar, t, time[entryBar], time[t],
                            dir > 0 ? Direction.LONG : Direction.SHORT, entryFill, fill, qty, pnl,
                            entryFee + exitFee, reason, cash));
                    cash += pnl;
                    dir = 0;
                }
            }

            final double c = close[t];
            if (t == n - 1) {
                if (dir != 0) {
                    double fill = c * (1 - dir * slip);
                    double exitFee = fee * qty * fill;
                    double pnl = dir * qty * (fill - entryFill) - entryFee - exitFee;
                    trades.add(new Trade(entryBar, t, time[entryBar], time[t],
                            dir > 0 ? Direction.LONG : Direction.SHORT, entryFill, fill, qty, pnl,
                            entryFee + exitFee, ExitReason.END_OF_DATA, cash));
                    cash += pnl;
                    dir = 0;
                }
                equity[t] = cash;
                break;
            }

            int s = signals[t];
            if (s > 1 || s < -1) {
                throw new IllegalArgumentException("signal at bar " + t + " must be -1, 0 or 1, got " + s);
            }
            if (dir != 0) {
                equity[t] = cash - entryFee + dir * qty * (c - entryFill);
                if (s == -dir) {
                    pendingExit = ExitReason.SIGNAL;
                } else if (t - entryBar + 1 >= maxHolding) {
                    pendingExit = ExitReason.TIMEOUT;
                }
            } else {
                equity[t] = cash;
                pendingEntry = s;
                if (s == 0) {
                    // Flat with nothing pending: equity stays at cash until the next signal (or the last bar),
                    // so skip the stretch in one scan and one fill instead of a full iteration per bar.
                    int k = t + 1;
                    while (k < n - 1 && signals[k] == 0) {
                        k++;
                    }
                    Arrays.fill(equity, t + 1, k, cash);
                    t = k - 1;
                }
            }
        }
        return new BacktestResult(trades, equity, settings.startingCapital());
    }
}
