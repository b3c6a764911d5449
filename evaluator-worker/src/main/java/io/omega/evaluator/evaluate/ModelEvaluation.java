package io.omega.evaluator.evaluate;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.DeflatedSharpeRatio;
import io.omega.learning.metrics.PerformanceMetrics;

/** One model's backtest on the evaluation window, with its metrics and confidence figures. */
public record ModelEvaluation(String modelType, String version, BacktestResult backtest, PerformanceMetrics metrics,
                              BootstrapResult bootstrap, DeflatedSharpeRatio deflatedSharpe) {
}
