package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** The sum of the winning trades' net pnl (costs already charged, unlike ta4j's gross figures). */
public final class GrossProfit implements BacktestCriterion {

    public static double of(List<Trade> trades) {
        double sum = 0;
        for (Trade t : trades) {
            double pnl = t.pnl();
            if (pnl > 0) {
                sum += pnl;
            }
        }
        return sum;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
