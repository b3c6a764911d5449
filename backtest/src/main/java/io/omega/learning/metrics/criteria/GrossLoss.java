package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** Minus the sum of the losing trades' net pnl: a positive number, 0 without losses. */
public final class GrossLoss implements BacktestCriterion {

    public static double of(List<Trade> trades) {
        double loss = 0;
        for (Trade t : trades) {
            double pnl = t.pnl();
            if (pnl < 0) {
                loss -= pnl;
            }
        }
        return loss;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
