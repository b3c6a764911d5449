package io.omega.learning.backtest;

/**
 * The fill and exit rules of one account trading one instrument, one bar at a time. The backtester and the paper
 * broker both trade through this class, so a live stint replayed from its logged bars gives the same trades, to the
 * last digit.
 *
 * <p>Each bar is given twice: {@link #atOpen} when it is known (its open, high and low), then {@link #atClose} with
 * its close and the signal decided there. Timing, chosen so that no decision uses a price it could not have seen:
 * <ol>
 * <li>A signal at the close of bar {@code t} fills at the <b>open of bar {@code t + 1}</b>: entries, exits on an
 * opposite signal and exits on timeout.</li>
 * <li>Within a bar, first the pending order fills at the open; then, if a position is open (including one entered at
 * this open), its stop-loss and take-profit are tested against the bar's low and high.</li>
 * <li>One position at a time. A close either schedules an entry (when flat) or an exit (when in a position), never
 * both: an opposite signal closes the position at the next open, and a position the other way needs that signal
 * again at a later close. This is deliberate. Every trade then starts from exactly one decision and one fill, a
 * signal that flips back and forth costs one round trip instead of two, and a reversal is only taken when the model
 * still wants it after the exit.</li>
 * </ol>
 *
 * <p>Stops and targets are measured from the entry fill price. If a bar touches both, the stop is assumed to have
 * been hit first (the bar does not tell the order, so the conservative reading). A stop fills at the stop level, or
 * at the open when the bar opened beyond it (gap); a target fills at the target level. A position held
 * {@code max_holding_bars} (counting the entry bar) at a close exits at the next open ({@link ExitReason#TIMEOUT}).
 * {@link #endOfData} closes a position still open at the last close ({@link ExitReason#END_OF_DATA}).
 *
 * <p>Costs: every fill moves the price against the trader by {@code slippage_rate}, and pays {@code fee_rate} of the
 * fill's notional. Sizing: the allocation ({@code position_size_pct} % of the account, taken while flat) equals the
 * quantity times the net entry price per unit, i.e. the fill price with the fee added for a buy and deducted for a
 * sell. For a long this means the allocation pays for the notional and the entry fee together, so 100 % never
 * borrows; it is also the convention of ta4j's cash flow, which lets the equity curve be cross-checked exactly.
 *
 * <p>Nothing is allocated per bar: an entry and a closed trade are reported to the {@link Fills} listener.
 */
public final class ExecutionModel {

    /** Where fills are reported, as they happen. */
    public interface Fills {
        /** A position was opened at the open of bar {@code entry.barIndex()}. */
        void opened(Entry entry);

        /** A position was closed. */
        void closed(Trade trade);
    }

    /**
     * A position just opened.
     *
     * @param fillPrice    entry fill, slippage included, fee excluded
     * @param slippageCost what the slippage cost, in quote currency
     */
    public record Entry(int barIndex, long timeMillis, Direction direction, double fillPrice, double quantity,
                        double fee, double slippageCost, double stopLoss, double takeProfit, double equityBefore) {
    }

    private final Fills fills;
    private final double fee;
    private final double slip;
    private final double sizeFraction;
    private final double stopFraction;
    private final double targetFraction;
    private final int maxHolding;

    private double cash;          // equity while flat; equity before entry while in a position
    private int bar = -1;         // index of the bar being traded
    private long barTime;
    private int dir;              // 0 flat, +1 long, -1 short
    private double qty;
    private double entryFill;
    private double entryFee;
    private double stop;
    private double target;
    private int entryBar;
    private long entryTime;
    private int pendingEntry;     // direction to open at the next open
    private ExitReason pendingExit; // reason to close at the next open
    private boolean closed = true; // atClose was called for the current bar

    public ExecutionModel(BacktestSettings settings, Fills fills) {
        this.fills = fills;
        this.fee = settings.feeRate();
        this.slip = settings.slippageRate();
        this.sizeFraction = settings.positionSizePct() / 100.0;
        this.stopFraction = settings.stopLossPct() / 100.0;
        this.targetFraction = settings.takeProfitPct() / 100.0;
        this.maxHolding = settings.maxHoldingBars();
        this.cash = settings.startingCapital();
    }

    /** A new bar: the pending order fills at its open, then an open position is tested against its high and low. */
    public void atOpen(long timeMillis, double open, double high, double low) {
        if (!closed) {
            throw new IllegalStateException("bar " + bar + " was opened but never closed");
        }
        closed = false;
        bar++;
        barTime = timeMillis;
        if (pendingExit != null) {
            exit(open, pendingExit);
            pendingExit = null;
        } else if (pendingEntry != 0) {
            enter(pendingEntry, open);
            pendingEntry = 0;
        }
        if (dir != 0) {
            boolean stopHit = dir > 0 ? low <= stop : high >= stop;
            boolean targetHit = dir > 0 ? high >= target : low <= target;
            if (stopHit) { // both touched: stop first
                exit(dir > 0 ? Math.min(open, stop) : Math.max(open, stop), ExitReason.STOP_LOSS);
            } else if (targetHit) {
                exit(target, ExitReason.TAKE_PROFIT);
            }
        }
    }

    /**
     * The current bar's close, with the signal decided there (+1 long, -1 short, 0 none): schedules the order that
     * fills at the next open.
     */
    public void atClose(int signal) {
        if (closed) {
            throw new IllegalStateException("atClose without atOpen for bar " + (bar + 1));
        }
        if (signal > 1 || signal < -1) {
            throw new IllegalArgumentException("signal at bar " + bar + " must be -1, 0 or 1, got " + signal);
        }
        closed = true;
        if (dir != 0) {
            if (signal == -dir) {
                pendingExit = ExitReason.SIGNAL;
            } else if (bar - entryBar + 1 >= maxHolding) {
                pendingExit = ExitReason.TIMEOUT;
            }
        } else {
            pendingEntry = signal;
        }
    }

    /** The last bar's close: a position still open closes at {@code close}; nothing stays pending. */
    public void endOfData(double close) {
        closed = true;
        if (dir != 0) {
            exit(close, ExitReason.END_OF_DATA);
        }
        pendingEntry = 0;
        pendingExit = null;
    }

    /** Equity marked to {@code price}: the account, less the entry fee and plus the open position's move. */
    public double equity(double price) {
        return dir == 0 ? cash : cash - entryFee + dir * qty * (price - entryFill);
    }

    /** The account without the open position (what sizes the next one). */
    public double cash() {
        return cash;
    }

    /** Flat with no order pending: a bar without a signal changes nothing. */
    public boolean idle() {
        return dir == 0 && pendingEntry == 0 && pendingExit == null;
    }

    public boolean inPosition() {
        return dir != 0;
    }

    /** Skips {@code count} bars that are known to change nothing (see {@link #idle}), as if each had been given. */
    public void skipIdle(int count, long lastTimeMillis) {
        if (!idle() || !closed) {
            throw new IllegalStateException("only bars of an idle account can be skipped");
        }
        bar += count;
        barTime = lastTimeMillis;
    }

    private void enter(int direction, double open) {
        double allocation = cash * sizeFraction;
        if (allocation <= 0) {
            return;
        }
        dir = direction;
        entryFill = open * (1 + dir * slip);
        qty = allocation / (entryFill * (1 + dir * fee));
        entryFee = fee * qty * entryFill;
        entryBar = bar;
        entryTime = barTime;
        stop = entryFill * (1 - dir * stopFraction);
        target = entryFill * (1 + dir * targetFraction);
        fills.opened(new Entry(bar, barTime, dir > 0 ? Direction.LONG : Direction.SHORT, entryFill, qty, entryFee,
                Math.abs(entryFill - open) * qty, stop, target, cash));
    }

    private void exit(double level, ExitReason reason) {
        double fill = level * (1 - dir * slip);
        double exitFee = fee * qty * fill;
        double pnl = dir * qty * (fill - entryFill) - entryFee - exitFee;
        Trade trade = new Trade(entryBar, bar, entryTime, barTime, dir > 0 ? Direction.LONG : Direction.SHORT,
                entryFill, fill, qty, pnl, entryFee + exitFee, reason, cash);
        cash += pnl;
        dir = 0;
        fills.closed(trade);
    }
}
