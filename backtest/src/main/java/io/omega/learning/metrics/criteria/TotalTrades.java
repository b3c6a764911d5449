package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** {@code total_trades}: closed positions, winners, losers and break-evens alike. */
public final class TotalTrades implements BacktestCriterion {

    public static int of(List<Trade> trades) {
        return trades.size();
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
