package io.omega.learning.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.Direction;
import io.omega.learning.backtest.ExitReason;
import io.omega.learning.backtest.TestSeries;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PerformanceCalculatorTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final double HOURLY = 365 * 24;

    static Trade trade(double pnl, double equityAtEntry) {
        return new Trade(1, 2, 0, 1, Direction.LONG, 100, 100, 1, pnl, 0, ExitReason.SIGNAL, equityAtEntry);
    }

    static BacktestResult result(double capital, double[] equity, double... pnls) {
        List<Trade> trades = DoubleStream.of(pnls).mapToObj(p -> trade(p, capital)).toList();
        return new BacktestResult(trades, equity, capital);
    }

    @Test
    void countsRatesAndProfitFactorOfAMixedSet() {
        // pnls 20, −10, 0, 30: two winners, one loser, one break-even (in the total only)
        PerformanceMetrics m = PerformanceCalculator.evaluate(
                result(1000, new double[] {1000, 1020, 1010, 1010, 1040}, 20, -10, 0, 30), HOURLY);

        assertThat(m.totalTrades()).isEqualTo(4);
        assertThat(m.winningTrades()).isEqualTo(2);
        assertThat(m.losingTrades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(50.0);
        assertThat(m.totalPnl()).isEqualTo(40.0);
        assertThat(m.avgProfit()).isEqualTo(10.0);
        assertThat(m.returnPct()).isEqualTo(4.0);
        assertThat(m.grossProfit()).isEqualTo(50.0);
        assertThat(m.grossLoss()).isEqualTo(10.0);
        assertThat(m.profitFactor()).isEqualTo(5.0);
        assertThat(m.profitFactorDisplay()).isEqualTo("5.0000");
        // peak 1020, trough 1010: 10 / 1020
        assertThat(m.maxDrawdown()).isCloseTo(10.0 / 1020 * 100, EXACT);
    }

    @Test
    void sharpeIsTheSampleStatisticOfPerBarReturnsAnnualisedByBarsPerYear() {
        // returns +10 %, −10 %, 0, +10 %: mean 0.025, squared deviations sum 0.0275, sample variance 0.0275 / 3
        double[] equity = {100, 110, 99, 99, 108.9};
        double expected = 0.025 / Math.sqrt(0.0275 / 3) * Math.sqrt(8760);
        assertThat(PerformanceCalculator.sharpeRatio(equity, HOURLY)).isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(24.4391638006, within(1e-9));
        // drawdown from the peak 110 to 99
        assertThat(PerformanceCalculator.maxDrawdownPct(equity)).isCloseTo(10.0, EXACT);
    }

    @Test
    void periodsPerYearIs365TimesBarsPerDay() {
        assertThat(PerformanceCalculator.periodsPerYear24x7(60_000)).isEqualTo(525_600.0);
        assertThat(PerformanceCalculator.periodsPerYear24x7(3_600_000)).isEqualTo(8_760.0);
        assertThat(PerformanceCalculator.periodsPerYear24x7(86_400_000)).isEqualTo(365.0);
        assertThatThrownBy(() -> PerformanceCalculator.periodsPerYear24x7(0)).hasMessage(
                "bar length must be positive, got 0 ms");
    }

    @Test
    void noTradesGivesZerosAndFlatEquityGivesSharpeZero() {
        double[] flat = new double[50];
        Arrays.fill(flat, 1000);
        PerformanceMetrics m = PerformanceCalculator.evaluate(result(1000, flat), HOURLY);

        assertThat(m.asMap()).containsExactly(entry("total_trades", 0.0), entry("winning_trades", 0.0),
                entry("losing_trades", 0.0), entry("win_rate", 0.0), entry("total_pnl", 0.0),
                entry("avg_profit", 0.0), entry("return_pct", 0.0), entry("max_drawdown", 0.0),
                entry("sharpe_ratio", 0.0), entry("profit_factor", 0.0));
        assertThat(m.profitFactorDisplay()).isEqualTo("0.0000");
        assertThat(m.periodsPerYear()).isEqualTo(HOURLY);
    }

    @Test
    void noLossesGivesAnInfiniteProfitFactorShownAsInf() {
        PerformanceMetrics m = PerformanceCalculator.evaluate(
                result(1000, new double[] {1000, 1005, 1012}, 5, 7), HOURLY);
        assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.profitFactorInfinite()).isTrue();
        assertThat(m.profitFactorDisplay()).isEqualTo("inf");
        assertThat(m.asMap().get("profit_factor")).isInfinite();
        assertThat(m.winRate()).isEqualTo(100.0);
        assertThat(m.maxDrawdown()).isZero();
    }

    @Test
    void oneLosingTrade() {
        PerformanceMetrics m = PerformanceCalculator.evaluate(result(1000, new double[] {1000, 990, 975}, -25),
                HOURLY);
        assertThat(m.totalTrades()).isEqualTo(1);
        assertThat(m.winRate()).isZero();
        assertThat(m.losingTrades()).isEqualTo(1);
        assertThat(m.avgProfit()).isEqualTo(-25.0);
        assertThat(m.returnPct()).isEqualTo(-2.5);
        assertThat(m.profitFactor()).isZero();
        assertThat(m.maxDrawdown()).isCloseTo(2.5, EXACT);
        // returns −1 % and −15/990: both negative, Sharpe negative
        double r1 = 990.0 / 1000 - 1, r2 = 975.0 / 990 - 1, mean = (r1 + r2) / 2;
        double sd = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1);
        assertThat(m.sharpeRatio()).isCloseTo(mean / sd * Math.sqrt(HOURLY), within(1e-9));
    }

    @Test
    void tooFewReturnsGiveSharpeZero() {
        assertThat(PerformanceCalculator.sharpeRatio(new double[] {100, 110}, HOURLY)).isZero();
        assertThat(PerformanceCalculator.sharpeRatio(new double[] {100}, HOURLY)).isZero();
        assertThat(PerformanceCalculator.sharpeRatio(new double[0], HOURLY)).isZero();
        assertThat(PerformanceCalculator.maxDrawdownPct(new double[0])).isZero();
    }

    @Test
    void badPeriodsPerYearIsRefused() {
        assertThatThrownBy(() -> PerformanceCalculator.evaluate(result(1000, new double[] {1000}), 0))
                .hasMessage("periods per year must be positive and finite, got 0.0");
    }

    @Test
    void eachFigureIsItsCriterionToTheLastBit() {
        Bars bars = TestSeries.randomWalk(5_000, 0.002, 7);
        BacktestResult r = new Backtester(BacktestSettings.DEFAULTS).run(bars, TestSeries.noisyModel(bars, 5, 0.4, 8));
        assertThat(r.trades()).hasSizeGreaterThan(50);
        PerformanceMetrics m = PerformanceCalculator.evaluate(r, HOURLY);

        assertThat((double) m.totalTrades()).isEqualTo(new TotalTrades().calculate(r));
        assertThat((double) m.winningTrades()).isEqualTo(new WinningTrades().calculate(r));
        assertThat((double) m.losingTrades()).isEqualTo(new LosingTrades().calculate(r));
        assertThat(m.winRate()).isEqualTo(new WinRate().calculate(r));
        assertThat(m.totalPnl()).isEqualTo(new TotalPnl().calculate(r));
        assertThat(m.avgProfit()).isEqualTo(new AverageProfit().calculate(r));
        assertThat(m.returnPct()).isEqualTo(new ReturnPct().calculate(r));
        assertThat(m.maxDrawdown()).isEqualTo(new MaximumDrawdown().calculate(r));
        assertThat(m.sharpeRatio()).isEqualTo(new SharpeRatio(HOURLY).calculate(r));
        assertThat(m.profitFactor()).isEqualTo(new ProfitFactor().calculate(r));
        assertThat(m.grossProfit()).isEqualTo(new GrossProfit().calculate(r));
        assertThat(m.grossLoss()).isEqualTo(new GrossLoss().calculate(r));
    }

    @Test
    void recommendationFollowsTheThresholdsInclusively() {
        RecommendationThresholds d = RecommendationThresholds.DEFAULTS;
        assertThat(Recommendation.of(metrics(55, 1.0, 20), EDGE, d)).isEqualTo(Recommendation.PROMOTE);
        assertThat(Recommendation.of(metrics(54.99, 1.0, 20), EDGE, d)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(metrics(60, 0.99, 10), EDGE, d)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(metrics(60, 2, 20.01), EDGE, d)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(metrics(50, 0.5, 30), EDGE, d)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(metrics(49.9, 3, 5), EDGE, d)).isEqualTo(Recommendation.REJECT);
        assertThat(Recommendation.of(metrics(70, 0.49, 5), EDGE, d)).isEqualTo(Recommendation.REJECT);
        assertThat(Recommendation.of(metrics(70, 3, 30.5), EDGE, d)).isEqualTo(Recommendation.REJECT);
        // promote thresholds from config
        RecommendationThresholds strict = d.withPromote(60, 1.5, 15);
        assertThat(Recommendation.of(metrics(58, 1.2, 18), EDGE, strict)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(metrics(61, 1.6, 14), EDGE, strict)).isEqualTo(Recommendation.PROMOTE);
    }

    @Test
    void neverPromoteUnderTheTradeMinimumOrWithoutAnEdge() {
        RecommendationThresholds d = RecommendationThresholds.DEFAULTS;
        PerformanceMetrics threeTrades = new PerformanceMetrics(3, 3, 0, 100, 30, 10, 3, 0, 4.0, 1, 30, 0, HOURLY);
        assertThat(Recommendation.of(threeTrades, EDGE, d)).isEqualTo(Recommendation.MONITOR);
        PerformanceMetrics thirty = new PerformanceMetrics(30, 20, 10, 66.7, 30, 1, 3, 5, 2.0, 2, 45, 15, HOURLY);
        assertThat(Recommendation.of(thirty, EDGE, d)).isEqualTo(Recommendation.PROMOTE);
        // the same figures from the luckiest of 17 candidates: p = 0.39 of no edge
        assertThat(Recommendation.of(thirty, new EdgeTest(0.39, 17, 0.02, 0.03), d)).isEqualTo(Recommendation.MONITOR);
        assertThat(Recommendation.of(thirty, new EdgeTest(0.05, 17, 0.05, 0.03), d)).isEqualTo(Recommendation.PROMOTE);
        assertThat(Recommendation.of(thirty, new EdgeTest(0.05, 17, 0.05, 0.03), d.withEdgeSignificance(0.01)))
                .isEqualTo(Recommendation.MONITOR);
    }

    private static final EdgeTest EDGE = new EdgeTest(0.001, 1, 0.1, 0);

    private static PerformanceMetrics metrics(double winRate, double sharpe, double drawdown) {
        return new PerformanceMetrics(100, 0, 0, winRate, 0, 0, 0, drawdown, sharpe, 1, 0, 0, HOURLY);
    }
}
