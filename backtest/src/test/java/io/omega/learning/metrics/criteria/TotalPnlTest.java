package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotalPnlTest {

    @Test
    void sumOfNetPnlIsFinalEquityLessStartingCapital() {
        // 20 − 10 + 0 + 30 − 5
        assertThat(TotalPnl.of(HandTrades.RESULT.trades())).isEqualTo(35.0);
        assertThat(new TotalPnl().calculate(HandTrades.RESULT))
                .isEqualTo(HandTrades.RESULT.finalEquity() - HandTrades.CAPITAL);
    }

    @Test
    void noTradesIsZero() {
        assertThat(new TotalPnl().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
