package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/** {@code avg_profit}: total net pnl / trades, in quote currency per trade; 0 with no trades. */
public final class AverageProfit implements BacktestCriterion {

    public static double of(double totalPnl, int totalTrades) {
        return totalTrades == 0 ? 0 : totalPnl / totalTrades;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(TotalPnl.of(result.trades()), TotalTrades.of(result.trades()));
    }
}
