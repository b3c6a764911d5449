package io.omega.learning.metrics;

/**
 * Bootstrap confidence figures over trade returns ({@link TradeBootstrap}). Win rates in %.
 *
 * @param tradeSharpe  observed annualised trade Sharpe
 * @param pValueNoEdge one-sided p-value of "mean trade return ≤ 0"
 */
public record BootstrapResult(int trades, int resamples, double confidence, long seed, double tradeSharpe,
                              double tradeSharpeLow, double tradeSharpeHigh, double winRate, double winRateLow,
                              double winRateHigh, double pValueNoEdge) {
}
