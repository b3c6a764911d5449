package io.omega.learning.backtest;

import java.util.List;

/**
 * Trades in the order they were closed and the equity at each bar's close (marked to market, exit costs of an open
 * position not deducted). {@code equity} has one entry per bar; it is not copied.
 */
public record BacktestResult(List<Trade> trades, double[] equity, double startingCapital) {

    public BacktestResult {
        trades = List.copyOf(trades);
    }

    public double finalEquity() {
        return equity.length == 0 ? startingCapital : equity[equity.length - 1];
    }
}
