package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/** {@code return_pct}: total net pnl / starting capital × 100, in percent. */
public final class ReturnPct implements BacktestCriterion {

    public static double of(double totalPnl, double startingCapital) {
        return totalPnl / startingCapital * 100;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(TotalPnl.of(result.trades()), result.startingCapital());
    }
}
