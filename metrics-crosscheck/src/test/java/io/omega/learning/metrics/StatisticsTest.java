package io.omega.learning.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.TestSeries;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void normalCdfAndInverseMatchCommonsMath() {
        NormalDistribution reference = new NormalDistribution(0, 1);
        for (double x = -12; x <= 12; x += 0.37) {
            assertThat(StandardNormal.cdf(x)).as("cdf(%s)", x).isCloseTo(reference.cumulativeProbability(x),
                    within(1e-14));
        }
        for (double p : new double[] {1e-6, 0.001, 0.01, 0.02425, 0.1, 0.5, 0.77, 0.99, 0.999999}) {
            assertThat(StandardNormal.inverseCdf(p)).as("inverse(%s)", p).isCloseTo(
                    reference.inverseCumulativeProbability(p), within(1e-10));
        }
        // beyond 1e-6 from 0 or 1: Acklam's approximation alone (published relative error 1.15e-9; against
        // commons-math the largest seen here is 1.5e-9)
        for (double p : new double[] {1e-300, 1e-10, 1e-7, 1 - 1e-7}) {
            double expected = reference.inverseCumulativeProbability(p);
            assertThat(StandardNormal.inverseCdf(p)).as("inverse(%s)", p).isCloseTo(expected,
                    within(Math.abs(expected) * 2e-9));
        }
        assertThat(StandardNormal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThatThrownBy(() -> StandardNormal.inverseCdf(1)).hasMessage("inverse normal needs p in (0, 1), got 1.0");
    }

    @Test
    void deflatedSharpeReproducesThePapersExample() {
        // Bailey & López de Prado (2014), section 5: annual SR 2.5 over 5 years of daily data (T = 1250,
        // 250 per year), skewness −3, kurtosis 10, N = 100 trials with annualised SR variance 1/2: DSR ≈ 0.9004.
        DeflatedSharpeRatio d = DeflatedSharpeRatio.fromMoments(2.5 / Math.sqrt(250), -3, 10, 1250, 100,
                0.5 / 250);
        // the paper prints four decimals, hence the tolerance
        assertThat(d.probability()).isCloseTo(0.9004, within(5e-5));
        assertThat(d.expectedMaxSharpe() * Math.sqrt(250)).isCloseTo(1.7894, within(5e-4));
    }

    @Test
    void deflatedSharpeFallsAsTrialsGrowAndIsUndefinedWithoutVariance() {
        Bars b = TestSeries.randomWalk(5_000, 0.002, 3);
        BacktestResult r = new Backtester(BacktestSettings.DEFAULTS).run(b, TestSeries.noisyModel(b, 10, 1.0, 4));
        double[] returns = PerformanceCalculator.perBarReturns(r.equity());
        DeflatedSharpeRatio one = DeflatedSharpeRatio.compute(returns, 1, Double.NaN);
        DeflatedSharpeRatio many = DeflatedSharpeRatio.compute(returns, 50, Double.NaN);
        assertThat(one.expectedMaxSharpe()).isZero();
        // with one trial the DSR is the probabilistic Sharpe ratio against 0
        assertThat(one.probability()).isCloseTo(StandardNormal.cdf(one.sharpePerPeriod() / one.sharpeStdError()),
                within(1e-15));
        assertThat(many.expectedMaxSharpe()).isPositive();
        assertThat(many.probability()).isLessThan(one.probability());
        assertThat(one.observations()).isEqualTo(4_999);
        assertThat(DeflatedSharpeRatio.compute(new double[] {0, 0, 0, 0}, 5, Double.NaN)).isNull();
        assertThat(DeflatedSharpeRatio.compute(new double[] {0.1, 0.2}, 5, Double.NaN)).isNull();
        assertThatThrownBy(() -> DeflatedSharpeRatio.compute(returns, 0, Double.NaN))
                .hasMessage("deflated Sharpe: trials must be at least 1, got 0");
    }

    @Test
    void bootstrapIsReproducibleWithASeed() {
        double[] returns = new double[60];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = (i % 3 == 0 ? -0.004 : 0.003) + i * 1e-5;
        }
        BootstrapResult a = new TradeBootstrap(2_000, 0.95, 42).run(returns, 5_000);
        BootstrapResult b = new TradeBootstrap(2_000, 0.95, 42).run(returns, 5_000);
        BootstrapResult c = new TradeBootstrap(2_000, 0.95, 43).run(returns, 5_000);
        assertThat(a).isEqualTo(b);
        assertThat(a.tradeSharpeLow()).isNotEqualTo(c.tradeSharpeLow());
        assertThat(a.tradeSharpeLow()).isLessThan(a.tradeSharpe()).isLessThan(a.tradeSharpeHigh());
        assertThat(a.winRateLow()).isLessThan(a.winRate()).isLessThan(a.winRateHigh());
        assertThat(a.winRate()).isCloseTo(40.0 / 60 * 100, within(1e-12));
        assertThat(a.trades()).isEqualTo(60);
    }

    @Test
    void bootstrapPValueOfAConstantGainIsTheSmallestPossible() {
        BootstrapResult r = new TradeBootstrap(999, 0.9, 1).run(new double[] {0.01, 0.01, 0.01}, 100);
        assertThat(r.pValueNoEdge()).isEqualTo(1.0 / 1000);
        assertThat(r.winRateLow()).isEqualTo(100.0);
        assertThat(r.winRateHigh()).isEqualTo(100.0);
        // zero deviation gives Sharpe 0 by the documented convention
        assertThat(r.tradeSharpe()).isZero();
    }

    @Test
    void bootstrapPValueOfASymmetricPairIsThreeQuarters() {
        // resample means of {+1 %, −1 %}: +1 % (1/4), 0 (1/2), −1 % (1/4); observed mean 0, so P(mean* ≥ 0) = 3/4
        BootstrapResult r = new TradeBootstrap(20_000, 0.95, 9).run(new double[] {0.01, -0.01}, 100);
        assertThat(r.pValueNoEdge()).isCloseTo(0.75, within(0.01));
        assertThat(r.winRateLow()).isEqualTo(0.0);
        assertThat(r.winRateHigh()).isEqualTo(100.0);
    }

    @Test
    void bootstrapNeedsTwoTradesAndSaneParameters() {
        assertThat(new TradeBootstrap(1_000, 0.95, 1).run(new double[] {0.01}, 100)).isNull();
        assertThatThrownBy(() -> new TradeBootstrap(10, 0.95, 1)).hasMessage(
                "bootstrap: at least 100 resamples, got 10");
        assertThatThrownBy(() -> new TradeBootstrap(1_000, 1.0, 1)).hasMessage(
                "bootstrap: confidence must be in (0, 1), got 1.0");
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(TradeBootstrap.quantile(sorted, 0)).isEqualTo(1.0);
        assertThat(TradeBootstrap.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(TradeBootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-15));
        assertThat(TradeBootstrap.quantile(sorted, 1)).isEqualTo(5.0);
    }

    @Test
    void bootstrapOfABacktestAnnualisesByItsTradeFrequency() {
        Bars b = TestSeries.randomWalk(10_000, 0.002, 5);
        BacktestResult r = new Backtester(BacktestSettings.DEFAULTS).run(b, TestSeries.noisyModel(b, 10, 1.0, 6));
        double ppy = PerformanceCalculator.periodsPerYear24x7(60_000);
        BootstrapResult boot = new TradeBootstrap(1_000, 0.95, 7).run(r, ppy);
        double[] tr = r.trades().stream().mapToDouble(t -> t.returnOnEquity()).toArray();
        double tradesPerYear = tr.length / (10_000 / ppy);
        assertThat(boot).isEqualTo(new TradeBootstrap(1_000, 0.95, 7).run(tr, tradesPerYear));
        assertThat(boot.trades()).isEqualTo(r.trades().size());
    }
}
