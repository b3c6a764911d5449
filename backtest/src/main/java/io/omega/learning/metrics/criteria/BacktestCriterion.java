package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/**
 * One figure of a backtest, one class per figure (as ta4j's analysis criteria). Each class also offers its
 * computation as a static method on the smallest input it needs, so that {@code PerformanceCalculator} composes them
 * without computing a shared part (gross profit, total pnl) twice.
 */
public interface BacktestCriterion {

    /** This criterion's value for {@code result}. */
    double calculate(BacktestResult result);
}
