package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/** {@code win_rate}: winning trades / all trades × 100, in percent; 0 with no trades. */
public final class WinRate implements BacktestCriterion {

    public static double of(int winningTrades, int totalTrades) {
        return totalTrades == 0 ? 0 : (double) winningTrades / totalTrades * 100;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(WinningTrades.of(result.trades()), TotalTrades.of(result.trades()));
    }
}
