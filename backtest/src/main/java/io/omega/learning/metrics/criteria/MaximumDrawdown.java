package io.omega.learning.metrics.criteria;

import io.omega.learning.backtest.BacktestResult;

/**
 * {@code max_drawdown}: the largest {@code (peak − equity) / peak × 100} over the equity curve, in percent, the peak
 * starting at the first value (the starting capital); 0 when equity never falls below an earlier peak, or with no
 * bars.
 */
public final class MaximumDrawdown implements BacktestCriterion {

    public static double of(double[] equity) {
        if (equity.length == 0) {
            return 0;
        }
        double peak = equity[0], worst = 0;
        for (double e : equity) {
            if (e > peak) {
                peak = e;
            } else if (peak > 0) {
                double dd = (peak - e) / peak;
                if (dd > worst) {
                    worst = dd;
                }
            }
        }
        return worst * 100;
    }

    @Override
    public double calculate(BacktestResult result) {
        return of(result.equity());
    }
}
