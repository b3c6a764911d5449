package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfitFactorTest {

    @Test
    void grossProfitOverGrossLoss() {
        // 50 / 15
        assertThat(new ProfitFactor().calculate(HandTrades.RESULT)).isEqualTo(10.0 / 3);
        assertThat(ProfitFactor.of(30, 12)).isEqualTo(2.5);
    }

    @Test
    void profitsWithoutLossesAreInfiniteAndNeitherIsZero() {
        assertThat(ProfitFactor.of(12, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new ProfitFactor().calculate(HandTrades.result(1000, new double[] {1000, 1005, 1012}, 5, 7)))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ProfitFactor.of(0, 5)).isZero();
        assertThat(ProfitFactor.of(0, 0)).isZero();
        assertThat(new ProfitFactor().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
