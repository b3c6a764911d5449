package io.omega.learning.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.TestSeries;
import org.junit.jupiter.api.Test;

/**
 * {@link TradeBootstrap}: observed figures worked out by hand, resampled figures exact where every resample is the
 * same (or the distribution of resamples is known), and the same seed giving the same result.
 */
class TradeBootstrapTest {

    /** Mean 1/4, deviations −1/2, 0, 1/2: sample std 1/2, per-trade Sharpe 1/2; two of three trades win. */
    private static final double[] THREE = {-0.25, 0.25, 0.75};

    @Test
    void observedFiguresAreTheTradeSharpeAnnualisedAndTheWinRate() {
        BootstrapResult r = new TradeBootstrap(20_000, 0.95, 11).run(THREE, 4);
        assertThat(r.trades()).isEqualTo(3);
        assertThat(r.resamples()).isEqualTo(20_000);
        assertThat(r.confidence()).isEqualTo(0.95);
        assertThat(r.seed()).isEqualTo(11L);
        // 0.25 / 0.5 × √4
        assertThat(r.tradeSharpe()).isEqualTo(1.0);
        assertThat(r.winRate()).isEqualTo(200.0 / 3);
        assertThat(r.winRateLow()).isEqualTo(0.0);
        assertThat(r.winRateHigh()).isEqualTo(100.0);
        // "no edge" is rejected when a recentred mean reaches 0.25, i.e. a resample mean ≥ 0.5: three draws of 0.75
        // (1/27) or two of 0.75 and one of 0.25 (3/27), so p = 4/27 up to Monte Carlo error (sd 0.0025 at B = 20,000)
        assertThat(r.pValueNoEdge()).isCloseTo(4.0 / 27, within(0.0125));
    }

    @Test
    void sharpeFiguresScaleWithTheSquareRootOfTradesPerYear() {
        BootstrapResult once = new TradeBootstrap(1_000, 0.9, 5).run(THREE, 1);
        BootstrapResult sixteen = new TradeBootstrap(1_000, 0.9, 5).run(THREE, 16);
        assertThat(sixteen.tradeSharpe()).isEqualTo(once.tradeSharpe() * 4);
        assertThat(sixteen.tradeSharpeLow()).isEqualTo(once.tradeSharpeLow() * 4);
        assertThat(sixteen.tradeSharpeHigh()).isEqualTo(once.tradeSharpeHigh() * 4);
        assertThat(sixteen.winRateLow()).isEqualTo(once.winRateLow());
        assertThat(sixteen.winRateHigh()).isEqualTo(once.winRateHigh());
        assertThat(sixteen.pValueNoEdge()).isEqualTo(once.pValueNoEdge());
        assertThat(new TradeBootstrap(1_000, 0.9, 5).run(THREE, 0).tradeSharpe()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndTheIntervalsHoldThePointEstimates() {
        double[] returns = new double[60];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = (i % 3 == 0 ? -0.004 : 0.003) + i * 1e-5;
        }
        BootstrapResult a = new TradeBootstrap(2_000, 0.95, 42).run(returns, 5_000);
        BootstrapResult b = new TradeBootstrap(2_000, 0.95, 42).run(returns, 5_000);
        BootstrapResult otherSeed = new TradeBootstrap(2_000, 0.95, 43).run(returns, 5_000);
        assertThat(a).isEqualTo(b);
        assertThat(otherSeed.tradeSharpeLow()).isNotEqualTo(a.tradeSharpeLow());
        assertThat(otherSeed.tradeSharpe()).isEqualTo(a.tradeSharpe());
        assertThat(a.tradeSharpeLow()).isLessThan(a.tradeSharpe()).isLessThan(a.tradeSharpeHigh());
        assertThat(a.winRateLow()).isLessThan(a.winRate()).isLessThan(a.winRateHigh());
        assertThat(a.winRate()).isEqualTo(100.0 * 40 / 60);
        // a narrower confidence gives a narrower interval on the same resamples
        BootstrapResult narrow = new TradeBootstrap(2_000, 0.5, 42).run(returns, 5_000);
        assertThat(narrow.tradeSharpeLow()).isGreaterThan(a.tradeSharpeLow());
        assertThat(narrow.tradeSharpeHigh()).isLessThan(a.tradeSharpeHigh());
    }

    @Test
    void aConstantGainHasTheSmallestPossiblePValue() {
        BootstrapResult r = new TradeBootstrap(999, 0.9, 1).run(new double[] {0.25, 0.25, 0.25, 0.25}, 100);
        assertThat(r.pValueNoEdge()).isEqualTo(1.0 / 1_000);
        assertThat(r.winRate()).isEqualTo(100.0);
        assertThat(r.winRateLow()).isEqualTo(100.0);
        assertThat(r.winRateHigh()).isEqualTo(100.0);
        // zero deviation: Sharpe 0 by convention, in every resample too
        assertThat(r.tradeSharpe()).isZero();
        assertThat(r.tradeSharpeLow()).isZero();
        assertThat(r.tradeSharpeHigh()).isZero();
    }

    @Test
    void aConstantLossHasPValueOne() {
        BootstrapResult r = new TradeBootstrap(500, 0.95, 3).run(new double[] {-0.5, -0.5}, 100);
        assertThat(r.pValueNoEdge()).isEqualTo(1.0);
        assertThat(r.winRate()).isZero();
        assertThat(r.winRateLow()).isZero();
        assertThat(r.winRateHigh()).isZero();
    }

    @Test
    void aSymmetricPairHasPValueThreeQuarters() {
        // resample means of {+1/2, −1/2}: +1/2 (1/4), 0 (1/2), −1/2 (1/4); observed mean 0, so P(mean* ≥ 0) = 3/4
        BootstrapResult r = new TradeBootstrap(20_000, 0.95, 9).run(new double[] {0.5, -0.5}, 100);
        assertThat(r.pValueNoEdge()).isCloseTo(0.75, within(0.015));
        assertThat(r.tradeSharpe()).isZero();
        // win rates 0 % (1/4), 50 % (1/2), 100 % (1/4): the 2.5 % and 97.5 % quantiles are the extremes
        assertThat(r.winRate()).isEqualTo(50.0);
        assertThat(r.winRateLow()).isEqualTo(0.0);
        assertThat(r.winRateHigh()).isEqualTo(100.0);
    }

    @Test
    void needsTwoTradesAndSaneParameters() {
        assertThat(new TradeBootstrap(1_000, 0.95, 1).run(new double[] {0.01}, 100)).isNull();
        assertThat(new TradeBootstrap(1_000, 0.95, 1).run(new double[0], 100)).isNull();
        assertThat(new TradeBootstrap(100, 0.95, 1).run(THREE, 1).resamples()).isEqualTo(100);
        assertThatThrownBy(() -> new TradeBootstrap(99, 0.95, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap: at least 100 resamples, got 99");
        assertThatThrownBy(() -> new TradeBootstrap(1_000, 1.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap: confidence must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> new TradeBootstrap(1_000, 0.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap: confidence must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> new TradeBootstrap(1_000, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap: confidence must be in (0, 1), got NaN");
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(TradeBootstrap.quantile(sorted, 0)).isEqualTo(1.0);
        assertThat(TradeBootstrap.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(TradeBootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-15));
        assertThat(TradeBootstrap.quantile(sorted, 0.875)).isEqualTo(4.5);
        assertThat(TradeBootstrap.quantile(sorted, 1)).isEqualTo(5.0);
        assertThat(TradeBootstrap.quantile(new double[] {7}, 0.3)).isEqualTo(7.0);
    }

    @Test
    void aBacktestIsAnnualisedByItsTradeFrequency() {
        Bars b = TestSeries.randomWalk(10_000, 0.002, 5);
        BacktestResult r = new Backtester(BacktestSettings.DEFAULTS).run(b, TestSeries.noisyModel(b, 10, 1.0, 6));
        double ppy = PerformanceCalculator.periodsPerYear24x7(60_000);
        BootstrapResult boot = new TradeBootstrap(1_000, 0.95, 7).run(r, ppy);
        double[] tradeReturns = r.trades().stream().mapToDouble(t -> t.returnOnEquity()).toArray();
        assertThat(tradeReturns.length).isGreaterThan(1);
        double tradesPerYear = tradeReturns.length / (10_000 / ppy);
        assertThat(boot).isEqualTo(new TradeBootstrap(1_000, 0.95, 7).run(tradeReturns, tradesPerYear));
        assertThat(boot.trades()).isEqualTo(r.trades().size());
    }
}
