package io.omega.learning.metrics;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.Trade;
import io.omega.learning.metrics.criteria.AverageProfit;
import io.omega.learning.metrics.criteria.GrossLoss;
import io.omega.learning.metrics.criteria.GrossProfit;
import io.omega.learning.metrics.criteria.LosingTrades;
import io.omega.learning.metrics.criteria.MaximumDrawdown;
import io.omega.learning.metrics.criteria.ProfitFactor;
import io.omega.learning.metrics.criteria.ReturnPct;
import io.omega.learning.metrics.criteria.SharpeRatio;
import io.omega.learning.metrics.criteria.TotalPnl;
import io.omega.learning.metrics.criteria.TotalTrades;
import io.omega.learning.metrics.criteria.WinRate;
import io.omega.learning.metrics.criteria.WinningTrades;
import java.util.List;

/**
 * Computes {@link PerformanceMetrics} from a backtest by composing the criteria of
 * {@code io.omega.learning.metrics.criteria}, one class per metric, where each definition lives:
 *
 * <p>Counting ({@link WinningTrades}, {@link LosingTrades}): a trade wins when its net pnl (fees and slippage
 * charged) is above 0 and loses when below 0; a trade at exactly 0 counts in the total only.
 *
 * <p>Sharpe ({@link SharpeRatio}): per-bar simple returns of the equity curve, risk-free rate 0, mean over the
 * <b>sample</b> standard deviation, annualised by √(periods per year). The period is one bar, so for 24/7 crypto the
 * caller passes {@link #periodsPerYear24x7(long)} = 365 × bars per day.
 *
 * <p>Max drawdown ({@link MaximumDrawdown}): the peak starts at the first equity value (the starting capital); the
 * result is the largest {@code (peak - e) / peak × 100}.
 */
public final class PerformanceCalculator {

    private PerformanceCalculator() {
    }

    /** Bars per year for a market that trades 365 days, 24 hours, given the bar length. */
    public static double periodsPerYear24x7(long barMillis) {
        if (barMillis <= 0) {
            throw new IllegalArgumentException("bar length must be positive, got " + barMillis + " ms");
        }
        return 365.0 * (86_400_000.0 / barMillis);
    }

    public static PerformanceMetrics evaluate(BacktestResult result, double periodsPerYear) {
        SharpeRatio sharpe = new SharpeRatio(periodsPerYear);
        List<Trade> trades = result.trades();
        int total = TotalTrades.of(trades), wins = WinningTrades.of(trades), losses = LosingTrades.of(trades);
        double totalPnl = TotalPnl.of(trades), grossProfit = GrossProfit.of(trades), grossLoss = GrossLoss.of(trades);
        return new PerformanceMetrics(total, wins, losses, WinRate.of(wins, total), totalPnl,
                AverageProfit.of(totalPnl, total), ReturnPct.of(totalPnl, result.startingCapital()),
                MaximumDrawdown.of(result.equity()), sharpe.calculate(result),
                ProfitFactor.of(grossProfit, grossLoss), grossProfit, grossLoss, periodsPerYear);
    }

    /** {@link MaximumDrawdown#of}. */
    public static double maxDrawdownPct(double[] equity) {
        return MaximumDrawdown.of(equity);
    }

    /**
     * Per-bar simple returns; a bar that starts at zero or negative equity (the account is gone) contributes 0
     * ({@link SharpeRatio#perBarReturns}).
     */
    public static double[] perBarReturns(double[] equity) {
        return SharpeRatio.perBarReturns(equity);
    }

    /** {@link SharpeRatio#of}. */
    public static double sharpeRatio(double[] equity, double periodsPerYear) {
        return SharpeRatio.of(equity, periodsPerYear);
    }

    /** mean / sample standard deviation, not annualised; 0 for fewer than 2 values or zero deviation. */
    public static double perPeriodSharpe(double[] returns) {
        return SharpeRatio.perPeriod(returns);
    }
}
