package io.omega.controller.monitor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real drop must be caught, and soon. The backtest is 200 trades of a model with an edge (about +0.26 % a trade);
 * live, its trades come from a losing distribution, from the first trade or after 200 trades as backtested. With the
 * shipped settings, 2,000 stints per seed; the delay counts live trades from the drop to the trade after which the
 * degradation is reported.
 */
class DetectionDelayTest {

    private static final int STINTS = 2_000;
    private static final MonitorSettings SHIPPED = new MonitorSettings(50, 10.0, 30, 0.05, 500,
            SimulatedStints.NOTIONAL, true);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void aModelThatLosesFromItsFirstTradeIsCaughtWithin300TradesIn95PercentOfStints(long seed) {
        int[] delays = delays(TradeDistribution.LOSING, 0, seed);
        report("losing (-0.27 % a trade) from the start", seed, delays);
        assertThat(shareWithin(delays, 300)).isGreaterThanOrEqualTo(0.95);
        assertThat(percentile(delays, 0.5)).isLessThanOrEqualTo(80);
        // Never before the first look.
        assertThat(delays[0]).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {34, 35, 36})
    void aDropAfter200GoodTradesIsCaughtWithin300TradesOfTheDropIn95PercentOfStints(long seed) {
        int[] delays = delays(TradeDistribution.LOSING, 200, seed);
        report("losing (-0.27 % a trade) after 200 good trades", seed, delays);
        assertThat(shareWithin(delays, 300)).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {37, 38, 39})
    void aFullyReversedSignalIsCaughtWithin100TradesOfTheDropIn95PercentOfStints(long seed) {
        int[] delays = delays(TradeDistribution.REVERSED, 200, seed);
        report("reversed (-0.46 % a trade) after 200 good trades", seed, delays);
        assertThat(shareWithin(delays, 100)).isGreaterThanOrEqualTo(0.95);
    }

    /** Trades from the drop to the report, sorted; {@link Integer#MAX_VALUE} for a stint that never reported. */
    private static int[] delays(TradeDistribution after, int goodTrades, long seed) {
        SimulatedStints simulation = new SimulatedStints(SHIPPED);
        SplittableRandom random = new SplittableRandom(seed);
        int[] delays = new int[STINTS];
        for (int stint = 0; stint < STINTS; stint++) {
            double[] backtest = TradeDistribution.EDGE.sample(random, 200);
            int[] trade = {0};
            int reportedAt = simulation.firstDegradation(SimulatedStints.figures(backtest),
                    () -> (trade[0]++ < goodTrades ? TradeDistribution.EDGE : after).draw(random), goodTrades + 1_000);
            // A report during the good trades is a false alarm, not a detection: it counts as never detected.
            delays[stint] = reportedAt > goodTrades ? reportedAt - goodTrades : Integer.MAX_VALUE;
        }
        Arrays.sort(delays);
        return delays;
    }

    private static double shareWithin(int[] sortedDelays, int trades) {
        return Arrays.stream(sortedDelays).filter(d -> d <= trades).count() / (double) sortedDelays.length;
    }

    private static int percentile(int[] sortedDelays, double p) {
        return sortedDelays[(int) Math.ceil(p * sortedDelays.length) - 1];
    }

    private static void report(String scenario, long seed, int[] delays) {
        System.out.printf(Locale.ROOT, "detection delay, %s, seed %d: median %d, 90th %d, 95th %d trades; within 100:"
                        + " %.3f, within 300: %.3f%n", scenario, seed, percentile(delays, 0.5), percentile(delays, 0.9),
                percentile(delays, 0.95), shareWithin(delays, 100), shareWithin(delays, 300));
    }
}
