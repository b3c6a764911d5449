package io.omega.learning.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation metrics, as the backtest module's README defines them. Percentages are in percent (55.0 means 55 %).
 *
 * @param winRate        winning / total × 100; 0 with no trades
 * @param avgProfit      total_pnl / total_trades; 0 with no trades
 * @param returnPct      total_pnl / starting capital × 100
 * @param maxDrawdown    largest peak-to-trough fall of the equity curve, % of the peak
 * @param sharpeRatio    annualised Sharpe of per-bar equity returns (see {@link io.omega.learning.metrics.criteria.SharpeRatio})
 * @param profitFactor   grossProfit / grossLoss; {@link Double#POSITIVE_INFINITY} with profits and no loss, 0 with
 *                       neither
 * @param grossProfit    sum of the winning trades' net pnl
 * @param grossLoss      minus the sum of the losing trades' net pnl (a positive number)
 * @param periodsPerYear the annualisation of the Sharpe ratio; the period is one bar
 */
public record PerformanceMetrics(int totalTrades, int winningTrades, int losingTrades, double winRate,
                                 double totalPnl, double avgProfit, double returnPct, double maxDrawdown,
                                 double sharpeRatio, double profitFactor, double grossProfit, double grossLoss,
                                 double periodsPerYear) {

    /** The ten metric keys of an evaluation (snake_case, as in reports and registry events), in report order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total_trades", (double) totalTrades);
        m.put("winning_trades", (double) winningTrades);
        m.put("losing_trades", (double) losingTrades);
        m.put("win_rate", winRate);
        m.put("total_pnl", totalPnl);
        m.put("avg_profit", avgProfit);
        m.put("return_pct", returnPct);
        m.put("max_drawdown", maxDrawdown);
        m.put("sharpe_ratio", sharpeRatio);
        m.put("profit_factor", profitFactor);
        return m;
    }

    public boolean profitFactorInfinite() {
        return profitFactor == Double.POSITIVE_INFINITY;
    }

    /** For reports and JSON, where infinity has no literal: {@code "inf"} or the number with 4 decimals. */
    public String profitFactorDisplay() {
        return profitFactorInfinite() ? "inf" : String.format(Locale.ROOT, "%.4f", profitFactor);
    }
}
