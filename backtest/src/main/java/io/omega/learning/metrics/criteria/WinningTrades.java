package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import java.util.List;

/** {@code winning_trades}: trades whose net pnl (fees and slippage charged) is above 0. */
public final class WinningTrades implements BacktestCriterion {

    public static int of(List<Trade> trades) {
        int wins = 0;
        for (Trade t : trades) {
            if (t.pnl() > 0) {
                wins++;
            }
        }
        return wins;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.trades());
    }
}
