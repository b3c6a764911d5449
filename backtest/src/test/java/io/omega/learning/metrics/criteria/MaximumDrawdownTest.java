package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MaximumDrawdownTest {

    @Test
    void largestFallFromAPeakInPercentOfThePeak() {
        // 1020 to 1010 is 10 / 1020 = 0.980392156862745098... %; 1040 to 1035 (0.48 %) is smaller
        assertThat(new MaximumDrawdown().calculate(HandTrades.RESULT))
                .isCloseTo(0.9803921568627450980, within(1e-15));
        // peak 1000 at the start, trough 750: 25 %; a later recovery does not undo it
        assertThat(MaximumDrawdown.of(new double[] {1000, 800, 750, 1200, 1100})).isEqualTo(25.0);
    }

    @Test
    void equityThatNeverFallsOrNoBarsIsZero() {
        assertThat(MaximumDrawdown.of(new double[] {1000, 1000, 1010, 1020})).isZero();
        assertThat(new MaximumDrawdown().calculate(HandTrades.NO_TRADES)).isZero();
        assertThat(MaximumDrawdown.of(new double[0])).isZero();
    }
}
