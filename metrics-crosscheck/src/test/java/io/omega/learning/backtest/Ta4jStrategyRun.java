package io.omega.learning.backtest;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeExecutionModel;
import org.ta4j.core.indicators.helpers.FixedBooleanIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.AbstractRule;
import org.ta4j.core.rules.BooleanIndicatorRule;
import org.ta4j.core.rules.OpenedPositionMinimumBarCountRule;

/**
 * The same long-only signals run by ta4j's own {@link BarSeriesManager}: entry on a LONG signal
 * ({@link BooleanIndicatorRule} over a {@link FixedBooleanIndicator}), exit on stop/target touched within the bar,
 * on {@link OpenedPositionMinimumBarCountRule} (timeout) or at the last bar. ta4j's stock execution models fill at
 * the signal bar's close or the next open without stops inside the bar, so a {@link TradeExecutionModel} applies
 * our fill rules (next open, stop/target levels, slippage, sizing from equity) and books the fills on the indexes
 * {@link Ta4jMirror} explains; fees go through ta4j's {@link LinearTransactionCostModel}.
 *
 * <p>ta4j's BarSeriesManager runs one direction per trading record, so this comparison is long only (the SHORT
 * class never wins in the probabilities it is given, so no opposite signal exists either).
 */
public final class Ta4jStrategyRun {

    private Ta4jStrategyRun() {
    }

    public static TradingRecord run(BarSeries series, ClassProbabilities longOnly, BacktestSettings s) {
        return prepare(series, Backtester.signals(longOnly, s.decisionThreshold()), s).run();
    }

    /** Strategy and rules built once from precomputed signals (+1 / 0 only); {@link Prepared#run()} backtests. */
    public static Prepared prepare(BarSeries series, byte[] signals, BacktestSettings s) {
        int n = series.getBarCount();
        Boolean[] longSignal = new Boolean[n];
        for (int i = 0; i < n; i++) {
            if (signals[i] < 0) {
                throw new IllegalArgumentException("bar " + i + " has a SHORT signal; this comparison is long only");
            }
            longSignal[i] = signals[i] > 0;
        }
        Rule entry = new BooleanIndicatorRule(new FixedBooleanIndicator(series, longSignal));
        Rule exit = new StopOrTargetTouched(series, s).or(new OpenedPositionMinimumBarCountRule(s.maxHoldingBars()))
                .or(new LastBar(series.getEndIndex()));
        return new Prepared(series, new BaseStrategy(entry, exit), longSignal, s);
    }

    public record Prepared(BarSeries series, BaseStrategy strategy, Boolean[] longSignal, BacktestSettings s) {
        public TradingRecord run() {
            BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(s.feeRate()),
                    new ZeroCostModel(), new Fills(s, longSignal));
            return manager.run(strategy, TradeType.BUY);
        }
    }

    /** Long stop or target level reached by the bar's low or high. */
    static final class StopOrTargetTouched extends AbstractRule {
        private final BarSeries series;
        private final BacktestSettings s;

        StopOrTargetTouched(BarSeries series, BacktestSettings s) {
            this.series = series;
            this.s = s;
        }

        @Override
        public boolean isSatisfied(int index, TradingRecord record) {
            Position p = record.getCurrentPosition();
            if (!p.isOpened()) {
                return false;
            }
            double fill = p.getEntry().getPricePerAsset().doubleValue();
            return series.getBar(index).getLowPrice().doubleValue() <= fill * (1 - s.stopLossPct() / 100)
                    || series.getBar(index).getHighPrice().doubleValue() >= fill * (1 + s.takeProfitPct() / 100);
        }
    }

    static final class LastBar extends AbstractRule {
        private final int end;

        LastBar(int end) {
            this.end = end;
        }

        @Override
        public boolean isSatisfied(int index, TradingRecord record) {
            return index == end;
        }
    }

    /** Our fill rules inside ta4j's execution hook; equity follows ta4j's own net profit of closed positions. */
    static final class Fills implements TradeExecutionModel {
        private final BacktestSettings s;
        private final Boolean[] longSignal;
        private double equity;

        Fills(BacktestSettings s, Boolean[] longSignal) {
            this.s = s;
            this.longSignal = longSignal;
            this.equity = s.startingCapital();
        }

        @Override
        public void execute(int index, TradingRecord record, BarSeries series, Num ignoredAmount) {
            NumFactory f = series.numFactory();
            double slip = s.slippageRate();
            if (record.getCurrentPosition().isNew()) {
                enter(index, record, series);
                return;
            }
            Position p = record.getCurrentPosition();
            double entryFill = p.getEntry().getPricePerAsset().doubleValue();
            double stop = entryFill * (1 - s.stopLossPct() / 100), target = entryFill * (1 + s.takeProfitPct() / 100);
            var bar = series.getBar(index);
            double open = bar.getOpenPrice().doubleValue();
            int at = index;
            double level;
            if (bar.getLowPrice().doubleValue() <= stop) {
                level = Math.min(open, stop);
            } else if (bar.getHighPrice().doubleValue() >= target) {
                level = target;
            } else if (index == series.getEndIndex()) {
                level = bar.getClosePrice().doubleValue();
            } else { // timeout decided at this close: out at the next open
                at = index + 1;
                level = series.getBar(at).getOpenPrice().doubleValue();
            }
            record.exit(at, f.numOf(level * (1 - slip)), p.getEntry().getAmount());
            equity += record.getLastPosition().getProfit().doubleValue();
            if (at == index && longSignal[index]) {
                // Out within this bar (stop or target) and a LONG signal at its close: our backtester enters at the
                // next open, but BarSeriesManager asks a strategy only once per bar, so the entry is placed here.
                enter(index, record, series);
            }
        }

        private void enter(int index, TradingRecord record, BarSeries series) {
            if (index >= series.getEndIndex()) {
                return; // no next open to fill at
            }
            double fill = series.getBar(index + 1).getOpenPrice().doubleValue() * (1 + s.slippageRate());
            double qty = equity * s.positionSizePct() / 100 / (fill * (1 + s.feeRate()));
            NumFactory f = series.numFactory();
            record.enter(index, f.numOf(fill), f.numOf(qty));
        }
    }
}
