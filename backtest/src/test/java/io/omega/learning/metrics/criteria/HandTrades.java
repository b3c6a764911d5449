package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Direction;
import io.omega.learning.backtest.ExitReason;
import io.omega.learning.backtest.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Five trades worked by hand on a 1,000 account, one closing at each bar: net pnl +20, −10, 0, +30, −5, so equity
 * at the closes is 1000, 1020, 1010, 1010, 1040, 1035.
 *
 * <pre>
 * winning 2 (+20, +30)    losing 2 (−10, −5)    break-even 1 (0, in the total only)
 * total pnl 35            gross profit 50       gross loss 15       profit factor 50 / 15 = 10 / 3
 * win rate 2 / 5 = 40 %   average 35 / 5 = 7    return 35 / 1000 = 3.5 %
 * drawdown: peak 1020, trough 1010: 10 / 1020 = 0.98039215686... %  (later peak 1040 to 1035: 0.48 %)
 * </pre>
 */
final class HandTrades {

    static final double CAPITAL = 1000;
    static final double[] EQUITY = {1000, 1020, 1010, 1010, 1040, 1035};
    static final BacktestResult RESULT = result(CAPITAL, EQUITY, 20, -10, 0, 30, -5);
    static final BacktestResult NO_TRADES = result(CAPITAL, new double[] {1000, 1000, 1000});

    private HandTrades() {
    }

    static BacktestResult result(double capital, double[] equity, double... pnls) {
        List<Trade> trades = new ArrayList<>();
        double equityAtEntry = capital;
        for (int i = 0; i < pnls.length; i++) {
            trades.add(new Trade(i, i + 1, i, i + 1, Direction.LONG, 100, 100, 1, pnls[i], 0, ExitReason.SIGNAL,
                    equityAtEntry));
            equityAtEntry += pnls[i];
        }
        return new BacktestResult(trades, equity, capital);
    }
}
