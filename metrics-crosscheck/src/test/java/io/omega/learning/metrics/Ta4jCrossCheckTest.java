package io.omega.learning.metrics;

import static io.omega.learning.backtest.TestSeries.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.ClassProbabilities;
import io.omega.learning.backtest.ExitReason;
import io.omega.learning.backtest.Ta4jMirror;
import io.omega.learning.backtest.Ta4jStrategyRun;
import io.omega.learning.backtest.TestSeries;
import io.omega.learning.backtest.Trade;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Our metrics against ta4j 0.22.2's criteria on the same trades and the same equity curve.
 *
 * <p>Configurations are chosen where both libraries define the same thing: the whole equity goes into each position
 * (position_size_pct 100), because ta4j's cash flow compounds the whole account; fees through ta4j's
 * LinearTransactionCostModel at our fee rate; slippage inside the fill prices (ta4j has no slippage model). Booking
 * of fills on ta4j's indexes is explained in {@link Ta4jMirror}. ta4j computes in DecimalNum, so it is an
 * independent, higher-precision reference.
 *
 * <p>Name mapping: our gross profit and gross loss are sums over trades of the net pnl (fees and slippage
 * charged, as every metric); ta4j calls that NetProfitCriterion / NetLossCriterion, and its GrossProfitCriterion /
 * GrossLossCriterion leave fees out. With zero fees the four agree, which the zero-cost scenarios check too.
 */
class Ta4jCrossCheckTest {

    private static final double TOLERANCE = 1e-9;
    private static final double PER_MINUTE = PerformanceCalculator.periodsPerYear24x7(MINUTE);
    private static final BacktestSettings WHOLE_EQUITY = BacktestSettings.DEFAULTS.withPositionSizePct(100);

    /**
     * Ratios (win ratio, drawdown, Sharpe, profit factor) are compared to 1e-9 absolute. Money amounts (gross profit,
     * gross loss, equity) to 1e-9 relative: with the whole equity compounded, the volatile scenario grows 10,000 to
     * hundreds of thousands, where one ulp of a double is already 1e-10 and a sum over thousands of trades in double
     * (ours) against DecimalNum (ta4j) differs by a few 1e-9 absolute, i.e. about 1e-15 relative.
     */
    private static org.assertj.core.data.Offset<Double> money(double amount) {
        return within(TOLERANCE * Math.max(1, Math.abs(amount)));
    }

    record Scenario(String name, Bars bars, ClassProbabilities probabilities, BacktestSettings settings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        Bars calm = TestSeries.randomWalk(20_000, 0.0008, 11);
        Bars wild = TestSeries.randomWalk(20_000, 0.004, 7);
        Bars up = trend(300, 1.001);
        Bars down = trend(300, 0.999);
        Bars constant = trend(40, 1.0);
        return Stream.of(
                new Scenario("real-shaped 1m BTC walk, default costs", calm,
                        TestSeries.noisyModel(calm, 10, 0.8, 12), WHOLE_EQUITY),
                new Scenario("volatile walk, all exit reasons", wild, TestSeries.noisyModel(wild, 10, 0.8, 8),
                        WHOLE_EQUITY.withExits(1, 2, 5)),
                new Scenario("volatile walk, maximum fees and slippage", wild,
                        TestSeries.noisyModel(wild, 10, 0.8, 9), WHOLE_EQUITY.withCosts(0.01, 0.01)),
                new Scenario("real-shaped walk, zero costs", calm, TestSeries.noisyModel(calm, 10, 0.8, 13),
                        WHOLE_EQUITY.withCosts(0, 0)),
                new Scenario("real-shaped walk, skilled model, long only", calm,
                        TestSeries.longOnly(TestSeries.noisyModel(calm, 10, 2.0, 14)), WHOLE_EQUITY),
                new Scenario("no trades", calm, TestSeries.signals(".".repeat(calm.size())), WHOLE_EQUITY),
                new Scenario("one trade", calm, TestSeries.signals("." + "L" + ".".repeat(calm.size() - 2)),
                        WHOLE_EQUITY),
                new Scenario("no losses: uptrend, longs, zero costs", up, TestSeries.signals("L".repeat(300)),
                        WHOLE_EQUITY.withCosts(0, 0).withExits(50, 100, 7)),
                new Scenario("downtrend, shorts with costs", down, TestSeries.signals("S".repeat(300)),
                        WHOLE_EQUITY.withExits(50, 100, 9)),
                new Scenario("flat equity: constant price, zero costs", constant,
                        TestSeries.signals("L".repeat(40)), WHOLE_EQUITY.withCosts(0, 0).withExits(1, 2, 3)));
    }

    /** A straight line of closes growing by {@code factor} per bar, each bar's open at the previous close. */
    static Bars trend(int n, double factor) {
        double[][] rows = new double[n][];
        double price = 100;
        for (int i = 0; i < n; i++) {
            double next = price * factor;
            rows[i] = new double[] {price, Math.max(price, next), Math.min(price, next), next};
            price = next;
        }
        return TestSeries.bars(rows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void metricsAgreeWithTa4j(Scenario s) {
        BacktestResult result = new Backtester(s.settings()).run(s.bars(), s.probabilities());
        PerformanceMetrics ours = PerformanceCalculator.evaluate(result, PER_MINUTE);

        BarSeries series = Ta4jMirror.series(s.bars(), MINUTE, DecimalNumFactory.getInstance());
        TradingRecord record = Ta4jMirror.record(series, result.trades(), s.settings().feeRate());
        Ta4jMirror.Figures ta4j = Ta4jMirror.figures(series, record, PER_MINUTE);

        assertThat(ta4j.positions()).isEqualTo(ours.totalTrades());
        if (ours.totalTrades() == 0) {
            // ta4j divides by the position count and gives NaN for an empty record; our metric needs a number
            // and we report 0 % (no trade won). This is the one figure that cannot agree, by definition.
            assertThat(ta4j.winningRatio()).isNaN();
            assertThat(ours.winRate()).isZero();
        } else {
            assertThat(ours.winRate() / 100).isCloseTo(ta4j.winningRatio(), within(TOLERANCE));
            assertThat((double) ours.losingTrades() / ours.totalTrades()).isCloseTo(ta4j.losingRatio(),
                    within(TOLERANCE));
        }
        assertThat(ours.maxDrawdown() / 100).isCloseTo(ta4j.maxDrawdown(), within(TOLERANCE));
        assertThat(ours.sharpeRatio()).isCloseTo(ta4j.sharpe(), within(TOLERANCE));
        assertThat(ours.grossProfit()).isCloseTo(ta4j.netProfit(), money(ta4j.netProfit()));
        assertThat(ours.grossLoss()).isCloseTo(-ta4j.netLoss(), money(ta4j.netLoss()));
        if (Double.isInfinite(ours.profitFactor())) {
            assertThat(ta4j.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        } else {
            assertThat(ours.profitFactor()).isCloseTo(ta4j.profitFactor(), within(TOLERANCE));
        }
        if (s.settings().feeRate() == 0) {
            assertThat(ours.grossProfit()).isCloseTo(ta4j.grossProfit(), money(ta4j.grossProfit()));
            assertThat(ours.grossLoss()).isCloseTo(-ta4j.grossLoss(), money(ta4j.grossLoss()));
        }
        // the curves themselves: ta4j's cash flow (starting at 1) times the starting capital
        double capital = s.settings().startingCapital();
        for (int i = 0; i < result.equity().length; i++) {
            assertThat(result.equity()[i]).as("equity at bar %d", i)
                    .isCloseTo(ta4j.cashFlow()[i] * capital, money(ta4j.cashFlow()[i] * capital));
        }
    }

    @Test
    void scenariosCoverTheEdgeCasesTheyAreNamedFor() {
        var byName = scenarios().collect(Collectors.toMap(Scenario::name,
                s -> PerformanceCalculator.evaluate(new Backtester(s.settings()).run(s.bars(), s.probabilities()),
                        PER_MINUTE)));
        assertThat(byName.get("no trades").totalTrades()).isZero();
        assertThat(byName.get("one trade").totalTrades()).isEqualTo(1);
        assertThat(byName.get("no losses: uptrend, longs, zero costs").losingTrades()).isZero();
        assertThat(byName.get("no losses: uptrend, longs, zero costs").profitFactor()).isInfinite();
        assertThat(byName.get("no losses: uptrend, longs, zero costs").totalTrades()).isGreaterThan(10);
        PerformanceMetrics flat = byName.get("flat equity: constant price, zero costs");
        assertThat(flat.totalTrades()).isGreaterThan(5);
        assertThat(flat.sharpeRatio()).isZero();
        assertThat(flat.totalPnl()).isZero();
        assertThat(byName.get("downtrend, shorts with costs").totalTrades()).isGreaterThan(10);
        assertThat(byName.get("real-shaped 1m BTC walk, default costs").totalTrades()).isGreaterThan(500);

        Set<ExitReason> reasons = scenarios()
                .flatMap(s -> new Backtester(s.settings()).run(s.bars(), s.probabilities()).trades().stream())
                .map(Trade::exitReason).collect(Collectors.toCollection(() -> EnumSet.noneOf(ExitReason.class)));
        assertThat(reasons).containsAll(EnumSet.of(ExitReason.TAKE_PROFIT, ExitReason.STOP_LOSS, ExitReason.SIGNAL,
                ExitReason.TIMEOUT, ExitReason.END_OF_DATA));
    }

    /**
     * With a partial position size (the default 10 %) the trade-level figures still agree, but the equity curve
     * cannot: ta4j's cash flow always compounds the whole account into each position, so its drawdown and Sharpe
     * describe a different (100 %) account. Only the trade-level figures are compared here.
     */
    @Test
    void tradeLevelFiguresAgreeAtTheDefaultPositionSize() {
        Bars bars = TestSeries.randomWalk(20_000, 0.0008, 21);
        BacktestResult result = new Backtester(BacktestSettings.DEFAULTS).run(bars,
                TestSeries.noisyModel(bars, 10, 0.8, 22));
        PerformanceMetrics ours = PerformanceCalculator.evaluate(result, PER_MINUTE);
        BarSeries series = Ta4jMirror.series(bars, MINUTE, DecimalNumFactory.getInstance());
        Ta4jMirror.Figures ta4j = Ta4jMirror.figures(series,
                Ta4jMirror.record(series, result.trades(), BacktestSettings.DEFAULTS.feeRate()), PER_MINUTE);

        assertThat(ours.totalTrades()).isGreaterThan(500).isEqualTo(ta4j.positions());
        assertThat(ours.winRate() / 100).isCloseTo(ta4j.winningRatio(), within(TOLERANCE));
        assertThat(ours.grossProfit()).isCloseTo(ta4j.netProfit(), money(ta4j.netProfit()));
        assertThat(ours.grossLoss()).isCloseTo(-ta4j.netLoss(), money(ta4j.netLoss()));
        assertThat(ours.profitFactor()).isCloseTo(ta4j.profitFactor(), within(TOLERANCE));
        assertThat(ours.maxDrawdown() / 100).isNotCloseTo(ta4j.maxDrawdown(), within(1e-3));
    }

    /**
     * The benchmark's premise: ta4j's BarSeriesManager, driven by the same long-only signals (see
     * {@link Ta4jStrategyRun}), produces the same positions and the same metrics as our backtester.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longOnlyRuns")
    void barSeriesManagerOnTheSameSignalsGivesTheSameMetrics(String name, BacktestSettings settings) {
        Bars bars = TestSeries.randomWalk(30_000, 0.0015, 31);
        ClassProbabilities longOnly = TestSeries.longOnly(TestSeries.noisyModel(bars, 10, 1.0, 32));
        BacktestResult result = new Backtester(settings).run(bars, longOnly);
        PerformanceMetrics ours = PerformanceCalculator.evaluate(result, PER_MINUTE);

        BarSeries series = Ta4jMirror.series(bars, MINUTE, DoubleNumFactory.getInstance());
        TradingRecord record = Ta4jStrategyRun.run(series, longOnly, settings);
        Ta4jMirror.Figures ta4j = Ta4jMirror.figures(series, record, PER_MINUTE);

        assertThat(ours.totalTrades()).isGreaterThan(500).isEqualTo(ta4j.positions());
        for (int i = 0; i < result.trades().size(); i++) {
            Trade t = result.trades().get(i);
            var p = record.getPositions().get(i);
            assertThat(p.getEntry().getIndex()).as("entry of trade %d", i).isEqualTo(t.entryIndex() - 1);
            assertThat(p.getExit().getIndex()).as("exit of trade %d", i).isEqualTo(t.exitIndex());
            assertThat(p.getProfit().doubleValue()).as("pnl of trade %d", i).isCloseTo(t.pnl(), money(t.pnl()));
        }
        assertThat(ours.winRate() / 100).isCloseTo(ta4j.winningRatio(), within(TOLERANCE));
        assertThat(ours.grossProfit()).isCloseTo(ta4j.netProfit(), money(ta4j.netProfit()));
        assertThat(ours.grossLoss()).isCloseTo(-ta4j.netLoss(), money(ta4j.netLoss()));
        if (settings.positionSizePct() == 100) {
            assertThat(ours.maxDrawdown() / 100).isCloseTo(ta4j.maxDrawdown(), within(TOLERANCE));
            assertThat(ours.sharpeRatio()).isCloseTo(ta4j.sharpe(), within(TOLERANCE));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> longOnlyRuns() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("whole equity, default costs", WHOLE_EQUITY),
                org.junit.jupiter.params.provider.Arguments.of("default 10 % size (trade-level figures)",
                        BacktestSettings.DEFAULTS),
                org.junit.jupiter.params.provider.Arguments.of("whole equity, short timeout, high costs",
                        WHOLE_EQUITY.withCosts(0.002, 0.001).withExits(0.5, 0.8, 4)));
    }
}
