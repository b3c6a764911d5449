package io.omega.learning.backtest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.CashFlow;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.analysis.frequency.SamplingFrequency;
import org.ta4j.core.criteria.Annualization;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.SharpeRatioCriterion;
import org.ta4j.core.criteria.drawdown.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.pnl.GrossLossCriterion;
import org.ta4j.core.criteria.pnl.GrossProfitCriterion;
import org.ta4j.core.criteria.pnl.NetLossCriterion;
import org.ta4j.core.criteria.pnl.NetProfitCriterion;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Rebuilds a backtest in ta4j terms (a {@link BarSeries} and a {@link TradingRecord}) and computes ta4j's own figures
 * on it, for the cross-check and the benchmark.
 *
 * <p>Booking of fills on ta4j indexes. ta4j's {@link CashFlow} keeps the equity unchanged on a position's entry index
 * (it assumes the fill at that bar's close) and marks the position from the next bar on, while the exit index
 * carries the realised value. Our entries fill at the open of bar {@code t}, right after the close of bar
 * {@code t - 1} where the signal was taken, and our equity at the close of {@code t} is already marked. So an entry
 * is booked on index {@code entryIndex - 1} at our fill price, and an exit on {@code exitIndex} (the bar in which it
 * filled, whether at the open, at a stop or target, or at the last close) at our fill price. Slippage is in those
 * prices; fees go through ta4j's {@link LinearTransactionCostModel} with our fee rate, and the amount is our
 * quantity, so ta4j's per-position net profit is our pnl.
 */
public final class Ta4jMirror {

    private Ta4jMirror() {
    }

    public static BarSeries series(Bars bars, long barMillis, NumFactory numFactory) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(numFactory).withName("omega").build();
        Duration period = Duration.ofMillis(barMillis);
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder()
                    .timePeriod(period)
                    .endTime(Instant.ofEpochMilli(bars.timeMillis()[i] + barMillis))
                    .openPrice(bars.open()[i])
                    .highPrice(bars.high()[i])
                    .lowPrice(bars.low()[i])
                    .closePrice(bars.close()[i])
                    .volume(0)
                    .add();
        }
        return series;
    }

    public static TradingRecord record(BarSeries series, List<Trade> trades, double feeRate) {
        LinearTransactionCostModel fees = new LinearTransactionCostModel(feeRate);
        if (trades.isEmpty()) {
            return new BaseTradingRecord(TradeType.BUY, fees, new ZeroCostModel());
        }
        NumFactory f = series.numFactory();
        List<org.ta4j.core.Trade> list = new ArrayList<>();
        for (Trade t : trades) {
            Num amount = f.numOf(t.quantity());
            Num entryPrice = f.numOf(t.entryPrice()), exitPrice = f.numOf(t.exitPrice());
            if (t.direction() == Direction.LONG) {
                list.add(org.ta4j.core.Trade.buyAt(t.entryIndex() - 1, entryPrice, amount));
                list.add(org.ta4j.core.Trade.sellAt(t.exitIndex(), exitPrice, amount));
            } else {
                list.add(org.ta4j.core.Trade.sellAt(t.entryIndex() - 1, entryPrice, amount));
                list.add(org.ta4j.core.Trade.buyAt(t.exitIndex(), exitPrice, amount));
            }
        }
        return new BaseTradingRecord(fees, new ZeroCostModel(), list.toArray(org.ta4j.core.Trade[]::new));
    }

    /** ta4j's figures for a record, with the Sharpe annualised by the given periods per year. */
    public record Figures(int positions, double winningRatio, double losingRatio, double maxDrawdown,
                          double sharpe, double netProfit, double netLoss, double grossProfit, double grossLoss,
                          double[] cashFlow) {

        /** ta4j has no classic profit factor; composed the same way as ours. */
        public double profitFactor() {
            double loss = -netLoss;
            if (loss > 0) {
                return netProfit / loss;
            }
            return netProfit > 0 ? Double.POSITIVE_INFINITY : 0;
        }
    }

    public static Figures figures(BarSeries series, TradingRecord record, double periodsPerYear) {
        return figures(series, record, periodsPerYear, true);
    }

    /** @param withCurve also read ta4j's cash flow into {@link Figures#cashFlow()} (not a metric; null if false) */
    public static Figures figures(BarSeries series, TradingRecord record, double periodsPerYear, boolean withCurve) {
        // Annualization.PERIOD and our own √(periods per year): ta4j's ANNUALIZED estimates the period count from
        // the bars' timestamps; the metric definitions fix it at 365 × bars per day for 24/7 markets.
        SharpeRatioCriterion sharpe = new SharpeRatioCriterion(0, SamplingFrequency.BAR, Annualization.PERIOD,
                ZoneOffset.UTC);
        double[] cf = null;
        if (withCurve) {
            CashFlow cashFlow = new CashFlow(series, record);
            cf = new double[series.getBarCount()];
            for (int i = 0; i < cf.length; i++) {
                cf[i] = cashFlow.getValue(i).doubleValue();
            }
        }
        return new Figures(new NumberOfPositionsCriterion().calculate(series, record).intValue(),
                PositionsRatioCriterion.WinningPositionsRatioCriterion().calculate(series, record).doubleValue(),
                PositionsRatioCriterion.LosingPositionsRatioCriterion().calculate(series, record).doubleValue(),
                new MaximumDrawdownCriterion().calculate(series, record).doubleValue(),
                sharpe.calculate(series, record).doubleValue() * Math.sqrt(periodsPerYear),
                new NetProfitCriterion().calculate(series, record).doubleValue(),
                new NetLossCriterion().calculate(series, record).doubleValue(),
                new GrossProfitCriterion().calculate(series, record).doubleValue(),
                new GrossLossCriterion().calculate(series, record).doubleValue(), cf);
    }
}
