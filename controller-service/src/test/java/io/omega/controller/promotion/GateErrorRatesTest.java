package io.omega.controller.promotion;

import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.PerformanceCalculator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * States the promotion gate's error rates by simulation: many seeded evaluation windows, each a candidate and a
 * champion trading the same simulated market, scored by the evaluator's two tests and decided by
 * {@link PromotionPolicy} at the default levels (0.05 each).
 *
 * <p>The market: 2,000 one-minute bars of fat-tailed returns (Student t, 5 degrees of freedom) whose volatility
 * switches between a calm and a busy regime, so the returns are neither normal nor independent in size. Each
 * strategy holds positions in spells of about 10 bars, in the market half the time, long or short at random, and
 * earns {@code edge} per bar while in a position on top of the market's move. Both strategies see the same market
 * moves, so their returns are correlated as real ones are.
 *
 * <p>The absolute thresholds (Sharpe, win rate, drawdown) are set so that they always hold: they can only remove
 * promotions, so the rate measured here bounds the whole gate's rate from above.
 */
class GateErrorRatesTest {

    private static final int BARS = 2_000;
    private static final int WINDOWS = 2_000;
    private static final double LEVEL = 0.05;
    private static final double CALM = 0.0007;
    private static final double BUSY = 0.0015;
    private static final double PERIODS_PER_YEAR = 525_600;

    private final PromotionPolicy gate = new PromotionPolicy(new PromotionCriteria(-100, 0, 100,
            PromotionCriteria.MIN_BACKTEST_TRADES, 0.05, LEVEL, LEVEL));

    /** Sampling error allowed on a measured rate: three standard errors of a proportion at {@code p}. */
    private static double allowance(double p) {
        return 3 * Math.sqrt(p * (1 - p) / WINDOWS);
    }

    @Test
    void withNoEdgeAndNoDifferenceAtMostTheLevelIsPromoted() {
        // Measured with these seeds: 0.0215 promoted; each test alone passes about 5 % of the time.
        Rates r = simulate(0, 0, 1);
        report("no edge, no difference", r);
        assertThat(r.promoted()).isLessThanOrEqualTo(LEVEL + allowance(LEVEL));
        assertThat(r.edgePassed()).isLessThanOrEqualTo(LEVEL + allowance(LEVEL));
    }

    @Test
    void whenBothHaveTheSameRealEdgeAtMostTheImprovementLevelIsPromoted() {
        // Both earn 1 basis point a bar in a position: the edge test passes often, so only the paired test stands
        // between noise and a change of production. Measured with these seeds: 0.0525.
        Rates r = simulate(1.0e-4, 1.0e-4, 2);
        report("same real edge", r);
        assertThat(r.edgePassed()).isGreaterThan(0.5);
        assertThat(r.improvementPassed()).isLessThanOrEqualTo(LEVEL + allowance(LEVEL));
        assertThat(r.promoted()).isLessThanOrEqualTo(LEVEL + allowance(LEVEL));
    }

    @Test
    void aRealImprovementOfOneAndAHalfBasisPointsABarIsPromotedWithPowerOfAtLeastEightyFivePercent() {
        // Champion 0.5 bp a bar in a position, candidate 2 bp: a mean per-bar difference of 0.75 bp, about 0.1 of
        // the market's per-bar volatility. Measured with these seeds: 0.8705.
        Rates r = simulate(2.0e-4, 0.5e-4, 3);
        report("candidate better by 1.5 bp a bar in a position", r);
        assertThat(r.promoted()).isGreaterThanOrEqualTo(0.85);
    }

    private record Rates(double promoted, double edgePassed, double improvementPassed) {
    }

    private Rates simulate(double candidateEdge, double championEdge, long seed) {
        int promoted = 0, edge = 0, improvement = 0;
        for (int w = 0; w < WINDOWS; w++) {
            Random random = new Random(seed * 1_000_003L + w);
            double[] market = market(random);
            double[] candidate = strategy(random, market, candidateEdge);
            double[] champion = strategy(random, market, championEdge);
            EdgeTest edgeTest = EdgeTest.run(candidate, 1);
            PairedImprovementTest paired = PairedImprovementTest.run(candidate, champion);
            edge += edgeTest.passes(LEVEL) ? 1 : 0;
            improvement += paired.passes(LEVEL) ? 1 : 0;
            Champion scored = new Champion("p", Map.of(PromotionPolicy.SHARPE, sharpe(champion)),
                    Map.of(PromotionPolicy.IMPROVEMENT_P_VALUE, paired.pValue(),
                            PromotionPolicy.MEAN_DIFFERENCE, paired.meanDifference()));
            Map<String, Double> metrics = new HashMap<>();
            metrics.put(PromotionPolicy.TOTAL_TRADES, (double) trades(candidate));
            metrics.put(PromotionPolicy.WIN_RATE, 50.0);
            metrics.put(PromotionPolicy.MAX_DRAWDOWN, 0.0);
            metrics.put(PromotionPolicy.SHARPE, sharpe(candidate));
            metrics.put(PromotionPolicy.EDGE_P_VALUE, edgeTest.pValue());
            metrics.put(PromotionPolicy.EDGE_TRIALS, 1.0);
            promoted += gate.checkPromotionCriteria(metrics, Optional.of(scored)).promote() ? 1 : 0;
        }
        return new Rates((double) promoted / WINDOWS, (double) edge / WINDOWS, (double) improvement / WINDOWS);
    }

    /** Per-bar market returns: Student t with 5 degrees of freedom, unit variance, times a switching volatility. */
    private static double[] market(Random random) {
        double[] r = new double[BARS];
        boolean busy = false;
        for (int t = 0; t < BARS; t++) {
            if (random.nextDouble() < 1.0 / 200) {
                busy = !busy;
            }
            double chi2 = 0;
            for (int k = 0; k < 5; k++) {
                double g = random.nextGaussian();
                chi2 += g * g;
            }
            double studentT = random.nextGaussian() / Math.sqrt(chi2 / 5) * Math.sqrt(3.0 / 5);
            r[t] = (busy ? BUSY : CALM) * studentT;
        }
        return r;
    }

    /**
     * A strategy's per-bar returns: spells of about 10 bars, flat or in a position at random; in a position it earns
     * the market's move in its direction plus {@code edge}. A non-zero return marks a bar in a position.
     */
    private static double[] strategy(Random random, double[] market, double edge) {
        double[] r = new double[BARS];
        int position = 0;
        for (int t = 0; t < BARS; t++) {
            if (random.nextDouble() < 0.1) {
                position = random.nextBoolean() ? 0 : (random.nextBoolean() ? 1 : -1);
            }
            r[t] = position == 0 ? 0 : position * market[t] + edge;
        }
        return r;
    }

    /** Entries into a position: a flat bar followed by one in a position. */
    private static int trades(double[] returns) {
        int n = 0;
        for (int t = 0; t < returns.length; t++) {
            if (returns[t] != 0 && (t == 0 || returns[t - 1] == 0)) {
                n++;
            }
        }
        return n;
    }

    private static double sharpe(double[] returns) {
        return PerformanceCalculator.perPeriodSharpe(returns) * Math.sqrt(PERIODS_PER_YEAR);
    }

    private static void report(String scenario, Rates r) {
        System.out.printf(Locale.ROOT, "gate simulation, %s, %d windows of %d bars: promoted %.4f, edge test passed "
                        + "%.4f, improvement test passed %.4f%n", scenario, WINDOWS, BARS, r.promoted(), r.edgePassed(),
                r.improvementPassed());
    }
}
