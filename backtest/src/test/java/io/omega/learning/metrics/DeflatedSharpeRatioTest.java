package io.omega.learning.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link DeflatedSharpeRatio} on inputs whose moments are worked out by hand. Reference probabilities are the
 * closed forms evaluated with an independent normal distribution (Python's {@code statistics.NormalDist}); the
 * tolerance 1e-9 covers {@link StandardNormal}'s documented accuracy.
 */
class DeflatedSharpeRatioTest {

    /** Mean 1/2, population variance 5/4, skewness 0, kurtosis 1.64; sample std √(5/3), so SR = √0.15. */
    private static final double[] SYMMETRIC = {-1, 0, 1, 2};

    /** A Bernoulli(1/4) shape: skewness 2/√3, kurtosis 7/3, SR = 0.75 / 1.5 = 0.5. */
    private static final double[] SKEWED = {0, 0, 0, 3};

    @Test
    void withOneTrialItIsTheProbabilisticSharpeRatioAgainstZero() {
        DeflatedSharpeRatio d = DeflatedSharpeRatio.compute(SYMMETRIC, 1, Double.NaN);
        assertThat(d.observations()).isEqualTo(4);
        assertThat(d.trials()).isEqualTo(1);
        assertThat(d.skewness()).isZero();
        assertThat(d.kurtosis()).isCloseTo(1.64, within(1e-15));
        assertThat(d.sharpePerPeriod()).isCloseTo(Math.sqrt(0.15), within(1e-15));
        // σ(SR) = √((1 − 0 + (1.64 − 1)/4 · 0.15) / 3) = √(1.024 / 3)
        assertThat(d.sharpeStdError()).isCloseTo(Math.sqrt(1.024 / 3), within(1e-15));
        assertThat(d.expectedMaxSharpe()).isZero();
        // PSR = Φ(SR / σ(SR)) = Φ(√(0.45 / 1.024)) = Φ(0.66291...)
        assertThat(d.probability()).isEqualTo(StandardNormal.cdf(d.sharpePerPeriod() / d.sharpeStdError()));
        assertThat(d.probability()).isCloseTo(0.746306736608969, within(1e-9));
    }

    @Test
    void skewnessAndKurtosisWidenTheStandardError() {
        DeflatedSharpeRatio d = DeflatedSharpeRatio.compute(SKEWED, 1, Double.NaN);
        assertThat(d.skewness()).isCloseTo(2 / Math.sqrt(3), within(1e-14));
        assertThat(d.kurtosis()).isCloseTo(7.0 / 3, within(1e-14));
        assertThat(d.sharpePerPeriod()).isCloseTo(0.5, within(1e-15));
        // σ(SR) = √((1 − (2/√3)·0.5 + (7/3 − 1)/4 · 0.25) / 3) = √((1 − 1/√3 + 1/12) / 3)
        assertThat(d.sharpeStdError()).isCloseTo(Math.sqrt((1 - 1 / Math.sqrt(3) + 1.0 / 12) / 3), within(1e-15));
        assertThat(d.probability()).isCloseTo(0.8882896087382457, within(1e-9));
    }

    @Test
    void twoTrialsWithAKnownVarianceRaiseTheBarByTheEulerMascheroniTerm() {
        // N = 2: Φ⁻¹(1 − 1/2) = 0, so SR0 = √V · γ · Φ⁻¹(1 − 1/(2e)) = 0.1 · 0.5772... · 0.90045...
        DeflatedSharpeRatio d = DeflatedSharpeRatio.compute(SYMMETRIC, 2, 0.01);
        assertThat(d.expectedMaxSharpe()).isCloseTo(0.05197553442805939, within(1e-10));
        assertThat(d.probability()).isCloseTo(0.7169990354335722, within(1e-9));
        assertThat(d.probability()).isLessThan(DeflatedSharpeRatio.compute(SYMMETRIC, 1, 0.01).probability());
    }

    @Test
    void withoutAVarianceAcrossTrialsTheEstimatorsOwnVarianceIsUsed() {
        // V = σ(SR)² = 1.024 / 3; N = 10: SR0 = σ(SR) · ((1 − γ)·Φ⁻¹(0.9) + γ·Φ⁻¹(1 − 1/(10e)))
        DeflatedSharpeRatio d = DeflatedSharpeRatio.compute(SYMMETRIC, 10, Double.NaN);
        assertThat(d.expectedMaxSharpe()).isCloseTo(0.9199392092334767, within(1e-9));
        assertThat(d.probability()).isCloseTo(0.18096709850709153, within(1e-9));
        assertThat(d).isEqualTo(DeflatedSharpeRatio.compute(SYMMETRIC, 10, 1.024 / 3));
    }

    @Test
    void theProbabilityFallsAsTrialsGrow() {
        double previous = 1;
        for (int trials : new int[] {1, 2, 5, 10, 100, 1_000}) {
            DeflatedSharpeRatio d = DeflatedSharpeRatio.compute(SKEWED, trials, 0.04);
            assertThat(d.probability()).as("%s trials", trials).isLessThan(previous);
            previous = d.probability();
        }
    }

    @Test
    void reproducesThePapersWorkedExample() {
        // Bailey & López de Prado (2014), section 5: annual SR 2.5 over T = 1250 daily returns (250 a year),
        // skewness −3, kurtosis 10, N = 100 trials with annualised variance 1/2. The paper prints DSR 0.9004 and
        // an annual SR0 of 1.7894; the unrounded closed form is 0.90039683...
        DeflatedSharpeRatio d = DeflatedSharpeRatio.fromMoments(2.5 / Math.sqrt(250), -3, 10, 1250, 100, 0.5 / 250);
        assertThat(d.probability()).isCloseTo(0.9003968344493904, within(1e-9));
        assertThat(d.expectedMaxSharpe() * Math.sqrt(250)).isCloseTo(1.7894064662732077, within(1e-8));
        assertThat(d.sharpeStdError()).isCloseTo(0.03500648057383002, within(1e-15));
    }

    @Test
    void aZeroStandardErrorGivesCertaintyEitherWay() {
        // 1 − γ3·SR + (γ4 − 1)/4·SR² = 1 − 2 + 0 < 0 is clamped to 0: σ(SR) = 0, the probability is 1 or 0
        DeflatedSharpeRatio above = DeflatedSharpeRatio.fromMoments(1, 2, 1, 10, 1, Double.NaN);
        assertThat(above.sharpeStdError()).isZero();
        assertThat(above.probability()).isEqualTo(1.0);
        DeflatedSharpeRatio below = DeflatedSharpeRatio.fromMoments(-1, -2, 1, 10, 1, Double.NaN);
        assertThat(below.sharpeStdError()).isZero();
        assertThat(below.probability()).isEqualTo(0.0);
    }

    @Test
    void isUndefinedWithFewerThanThreeReturnsOrWithoutVariance() {
        assertThat(DeflatedSharpeRatio.compute(new double[] {0.1, 0.2}, 1, Double.NaN)).isNull();
        assertThat(DeflatedSharpeRatio.compute(new double[0], 1, Double.NaN)).isNull();
        assertThat(DeflatedSharpeRatio.compute(new double[] {0.25, 0.25, 0.25, 0.25}, 5, Double.NaN)).isNull();
        assertThat(DeflatedSharpeRatio.compute(new double[] {0, 0, 0}, 1, 0.01)).isNull();
    }

    @Test
    void rejectsNoTrialsAndANegativeVariance() {
        assertThatThrownBy(() -> DeflatedSharpeRatio.compute(SYMMETRIC, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deflated Sharpe: trials must be at least 1, got 0");
        assertThatThrownBy(() -> DeflatedSharpeRatio.compute(SYMMETRIC, 3, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deflated Sharpe: variance across trials must be >= 0, got -0.5");
        assertThat(DeflatedSharpeRatio.compute(SYMMETRIC, 3, 0).expectedMaxSharpe()).isZero();
    }
}
