package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/**
 * {@code profit_factor}: gross profit / gross loss, both over net trade pnl. {@link Double#POSITIVE_INFINITY} with
 * profits and no loss; 0 with neither.
 */
public final class ProfitFactor implements BacktestCriterion {

    public static double of(double grossProfit, double grossLoss) {
        if (grossLoss > 0) {
            return grossProfit / grossLoss;
        }
        return grossProfit > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(GrossProfit.of(result.trades()), GrossLoss.of(result.trades()));
    }
}
