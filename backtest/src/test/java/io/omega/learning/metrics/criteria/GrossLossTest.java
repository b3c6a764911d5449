package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrossLossTest {

    @Test
    void minusTheSumOfTheLosersNetPnl() {
        // −10 and −5, reported as a positive 15
        assertThat(GrossLoss.of(HandTrades.RESULT.trades())).isEqualTo(15.0);
        assertThat(new GrossLoss().calculate(HandTrades.RESULT)).isEqualTo(15.0);
    }

    @Test
    void noLosersIsZero() {
        assertThat(new GrossLoss().calculate(HandTrades.result(1000, new double[] {1000, 1010}, 10))).isZero();
        assertThat(new GrossLoss().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
