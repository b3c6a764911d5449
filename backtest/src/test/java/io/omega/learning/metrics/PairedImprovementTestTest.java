package io.omega.learning.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedImprovementTestTest {

    @Test
    void theNeweyWestStandardErrorByHand() {
        // d = 1, 2, 3, 6: mean 3; centred -2, -1, 0, 3; n = 4 gives 1 lag (4 × 0.04^(2/9) = 1.96)
        // γ0 = 14/4 = 3.5, γ1 = 2/4 = 0.5; variance = 3.5 + 2 × (1 - 1/2) × 0.5 = 4; SE = √(4/4) = 1; t = 3
        PairedImprovementTest t = PairedImprovementTest.run(new double[] {1, 2, 3, 6}, new double[] {0, 0, 0, 0});
        assertThat(t.meanDifference()).isEqualTo(3.0);
        assertThat(t.lags()).isEqualTo(1);
        assertThat(t.bars()).isEqualTo(4);
        assertThat(t.standardError()).isCloseTo(1.0, within(1e-15));
        assertThat(t.pValue()).isCloseTo(0.0013498980316300957, within(1e-13));
    }

    @Test
    void onlyTheDifferenceCounts() {
        PairedImprovementTest shifted = PairedImprovementTest.run(new double[] {11, 12, 13, 16},
                new double[] {10, 10, 10, 10});
        assertThat(shifted.pValue()).isCloseTo(0.0013498980316300957, within(1e-13));
        PairedImprovementTest worse = PairedImprovementTest.run(new double[] {0, 0, 0, 0}, new double[] {1, 2, 3, 6});
        assertThat(worse.pValue()).isCloseTo(1 - 0.0013498980316300957, within(1e-13));
    }

    @Test
    void theLagsFollowTheAutomaticRule() {
        assertThat(PairedImprovementTest.run(new double[100], new double[100]).lags()).isEqualTo(4);
        assertThat(PairedImprovementTest.run(new double[2000], new double[2000]).lags()).isEqualTo(7);
    }

    @Test
    void identicalCurvesAreNoImprovementAndAConstantGainIsCertain() {
        double[] same = {0.01, -0.02, 0.005};
        assertThat(PairedImprovementTest.run(same, same).pValue()).isEqualTo(1.0);
        assertThat(PairedImprovementTest.run(new double[] {0.5, -0.25, 0.75}, new double[] {0.25, -0.5, 0.5}).pValue())
                .isZero();
    }

    @Test
    void theCurvesMustCoverTheSameBars() {
        assertThatThrownBy(() -> PairedImprovementTest.run(new double[3], new double[4]))
                .hasMessage("paired test: the candidate has 3 returns and the champion 4; they must cover the same bars");
    }
}
