package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AverageProfitTest {

    @Test
    void totalPnlPerTrade() {
        // 35 over 5 trades
        assertThat(new AverageProfit().calculate(HandTrades.RESULT)).isEqualTo(7.0);
        assertThat(AverageProfit.of(-25, 1)).isEqualTo(-25.0);
    }

    @Test
    void noTradesIsZeroNotNaN() {
        assertThat(AverageProfit.of(0, 0)).isZero();
        assertThat(new AverageProfit().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
