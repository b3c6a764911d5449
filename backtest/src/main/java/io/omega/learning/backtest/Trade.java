package io.omega.learning.backtest;

/**
 * One closed position.
 *
 * @param entryIndex     bar whose open filled the entry (the signal came from the bar before)
 * @param exitIndex      bar in which the exit filled
 * @param entryPrice     entry fill price, slippage included, fee excluded
 * @param exitPrice      exit fill price, slippage included, fee excluded
 * @param quantity       units of the instrument
 * @param pnl            net result in quote currency: price move × quantity minus both fees
 * @param fees           entry fee plus exit fee
 * @param equityAtEntry  account equity just before the entry, the base of {@link #returnOnEquity()}
 */
public record Trade(int entryIndex, int exitIndex, long entryTimeMillis, long exitTimeMillis, Direction direction,
                    double entryPrice, double exitPrice, double quantity, double pnl, double fees,
                    ExitReason exitReason, double equityAtEntry) {

    /** The trade's contribution to account growth, pnl / equity before entry. */
    public double returnOnEquity() {
        return pnl / equityAtEntry;
    }

    /** Bars from the entry bar to the exit bar, both included (an exit at an open still counts that bar). */
    public int barsHeld() {
        return exitIndex - entryIndex + 1;
    }
}
