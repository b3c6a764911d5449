package io.omega.controller.monitor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production model whose live trades come from its backtest's own distribution must be rolled back at most at the
 * configured rate α over a whole horizon. Each case: 2,000 stints of 500 live trades, each stint with its own
 * 200-trade backtest, live trades drawn with replacement from that backtest's trades; the measured rate must stay
 * within three standard errors of α.
 */
class FalseRollbackRateTest {

    private static final int STINTS = 2_000;
    private static final int STINT_TRADES = 500;
    private static final int BACKTEST_TRADES = 200;

    static Stream<Arguments> cases() {
        return Stream.of(
                // The shipped settings, the distribution of a model with an edge, three seeds.
                Arguments.of("edge", TradeDistribution.EDGE, 10.0, 0.05, 1L),
                Arguments.of("edge", TradeDistribution.EDGE, 10.0, 0.05, 2L),
                Arguments.of("edge", TradeDistribution.EDGE, 10.0, 0.05, 3L),
                // No win-rate margin: the win-rate test at its strictest.
                Arguments.of("edge", TradeDistribution.EDGE, 0.0, 0.05, 4L),
                Arguments.of("edge", TradeDistribution.EDGE, 0.0, 0.05, 5L),
                Arguments.of("no edge", TradeDistribution.NO_EDGE, 0.0, 0.05, 6L),
                // Left-skewed returns are where a t statistic's tail is thinnest on the side that rolls back.
                Arguments.of("left-skewed", TradeDistribution.LEFT_SKEWED, 0.0, 0.05, 7L),
                Arguments.of("left-skewed", TradeDistribution.LEFT_SKEWED, 0.0, 0.05, 8L),
                Arguments.of("edge", TradeDistribution.EDGE, 0.0, 0.01, 9L),
                Arguments.of("edge", TradeDistribution.EDGE, 0.0, 0.20, 10L));
    }

    @ParameterizedTest(name = "{0}, drop {2}, alpha {3}, seed {4}")
    @MethodSource("cases")
    void rollsBackAModelThatTradesAsBacktestedAtMostAtTheConfiguredRate(String name, TradeDistribution distribution,
                                                                        double winRateDrop, double alpha, long seed) {
        MonitorSettings settings = new MonitorSettings(50, winRateDrop, 30, alpha, STINT_TRADES,
                SimulatedStints.NOTIONAL, true);
        double rate = rollbackRate(settings, distribution, seed);
        double bound = alpha + 3 * Math.sqrt(alpha * (1 - alpha) / STINTS);
        System.out.printf(Locale.ROOT, "false rollbacks, %s, drop %.0f, alpha %.2f, seed %d: %.4f (bound %.4f)%n",
                name, winRateDrop, alpha, seed, rate, bound);
        assertThat(rate).isLessThanOrEqualTo(bound);
    }

    /** The harness does see false rollbacks when α leaves room for them: the bound above is not met by silence. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSimulationSeesFalseRollbacksWhenAlphaAllowsThem(long seed) {
        MonitorSettings loose = new MonitorSettings(50, 0.0, 30, 0.45, STINT_TRADES, SimulatedStints.NOTIONAL, true);
        assertThat(rollbackRate(loose, TradeDistribution.EDGE, seed)).isGreaterThan(0.05);
    }

    static Stream<Long> seeds() {
        return Stream.of(21L, 22L);
    }

    private static double rollbackRate(MonitorSettings settings, TradeDistribution distribution, long seed) {
        SimulatedStints simulation = new SimulatedStints(settings);
        SplittableRandom random = new SplittableRandom(seed);
        int rolledBack = 0;
        for (int stint = 0; stint < STINTS; stint++) {
            double[] backtest = distribution.sample(random, BACKTEST_TRADES);
            if (simulation.firstDegradation(SimulatedStints.figures(backtest),
                    SimulatedStints.resampling(backtest, random), STINT_TRADES) > 0) {
                rolledBack++;
            }
        }
        return rolledBack / (double) STINTS;
    }
}
