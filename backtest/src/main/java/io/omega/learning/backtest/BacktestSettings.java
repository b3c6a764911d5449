package io.omega.learning.backtest;

/**
 * Simulated execution settings; the components mirror the {@code paper_trading} keys of
 * {@code trading_config.yaml} (starting_capital, fee_rate, slippage_rate, position_size_pct, stop_loss_pct,
 * take_profit_pct, max_holding_bars, decision_threshold) with the same ranges as the config loader.
 *
 * @param feeRate          fee per side as a fraction of the fill's notional (0.0005 = 0.05 % taker)
 * @param slippageRate     adverse price move per fill, as a fraction of the reference price
 * @param positionSizePct  share of current equity committed to each position, in % (0, 100]
 * @param stopLossPct      stop distance from the entry fill price, in %
 * @param takeProfitPct    target distance from the entry fill price, in %
 * @param maxHoldingBars   a position is closed at the next open once it has been held this many bars
 * @param decisionThreshold probability the winning class needs to act on it
 */
public record BacktestSettings(double startingCapital, double feeRate, double slippageRate, double positionSizePct,
                               double stopLossPct, double takeProfitPct, int maxHoldingBars,
                               double decisionThreshold) {

    /** The defaults of the {@code paper_trading} section. */
    public static final BacktestSettings DEFAULTS = new BacktestSettings(10_000.0, 0.0005, 0.0002, 10.0, 1.0, 2.0, 60,
            0.55);

    public BacktestSettings {
        range("starting_capital", startingCapital, Double.MIN_VALUE, Double.MAX_VALUE);
        range("fee_rate", feeRate, 0, 0.01);
        range("slippage_rate", slippageRate, 0, 0.01);
        range("position_size_pct", positionSizePct, Double.MIN_VALUE, 100);
        range("stop_loss_pct", stopLossPct, Double.MIN_VALUE, 50);
        range("take_profit_pct", takeProfitPct, Double.MIN_VALUE, 100);
        if (maxHoldingBars < 1) {
            throw new IllegalArgumentException("max_holding_bars must be at least 1, got " + maxHoldingBars);
        }
        // Above 1/3 so that the class that passes it is unambiguous in most bars; the config loader uses the same floor.
        range("decision_threshold", decisionThreshold, 0.34, 1.0);
    }

    private static void range(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** The {@code paper_trading} section's costs, sizing and exits: backtests trade as the paper trader does. */
    public static BacktestSettings from(io.omega.config.PaperTradingConfig pt) {
        return new BacktestSettings(pt.startingCapital(), pt.feeRate(), pt.slippageRate(), pt.positionSizePct(),
                pt.stopLossPct(), pt.takeProfitPct(), pt.maxHoldingBars(), pt.decisionThreshold());
    }

    public BacktestSettings withStartingCapital(double v) {
        return new BacktestSettings(v, feeRate, slippageRate, positionSizePct, stopLossPct, takeProfitPct,
                maxHoldingBars, decisionThreshold);
    }

    public BacktestSettings withCosts(double fee, double slippage) {
        return new BacktestSettings(startingCapital, fee, slippage, positionSizePct, stopLossPct, takeProfitPct,
                maxHoldingBars, decisionThreshold);
    }

    public BacktestSettings withPositionSizePct(double v) {
        return new BacktestSettings(startingCapital, feeRate, slippageRate, v, stopLossPct, takeProfitPct,
                maxHoldingBars, decisionThreshold);
    }

    public BacktestSettings withExits(double stopLoss, double takeProfit, int maxHolding) {
        return new BacktestSettings(startingCapital, feeRate, slippageRate, positionSizePct, stopLoss, takeProfit,
                maxHolding, decisionThreshold);
    }

    public BacktestSettings withDecisionThreshold(double v) {
        return new BacktestSettings(startingCapital, feeRate, slippageRate, positionSizePct, stopLossPct,
                takeProfitPct, maxHoldingBars, v);
    }
}
