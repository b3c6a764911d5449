package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** {@code losing_trades}: trades whose net pnl is below 0 (a trade at exactly 0 is neither winner nor loser). */
public final class LosingTrades implements BacktestCriterion {

    public static int of(List<Trade> trades) {
        int losses = 0;
        for (Trade t : trades) {
            if (t.pnl() < 0) {
                losses++;
            }
        }
        return losses;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
