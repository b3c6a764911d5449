package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** {@code total_pnl}: the sum of the trades' net pnl, in quote currency (final equity − starting capital). */
public final class TotalPnl implements BacktestCriterion {

    public static double of(List<Trade> trades) {
        double sum = 0;
        for (Trade t : trades) {
            sum += t.pnl();
        }
        return sum;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
