package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrossProfitTest {

    @Test
    void sumOfTheWinnersNetPnl() {
        // +20 and +30
        assertThat(GrossProfit.of(HandTrades.RESULT.trades())).isEqualTo(50.0);
        assertThat(new GrossProfit().calculate(HandTrades.RESULT)).isEqualTo(50.0);
    }

    @Test
    void noWinnersIsZero() {
        assertThat(new GrossProfit().calculate(HandTrades.result(1000, new double[] {1000, 990}, -10))).isZero();
        assertThat(new GrossProfit().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
