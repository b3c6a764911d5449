package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinRateTest {

    @Test
    void winnersOverAllTradesInPercent() {
        // 2 winners of 5 trades
        assertThat(new WinRate().calculate(HandTrades.RESULT)).isEqualTo(40.0);
        assertThat(WinRate.of(3, 3)).isEqualTo(100.0);
        assertThat(WinRate.of(0, 4)).isZero();
    }

    @Test
    void noTradesIsZeroNotNaN() {
        assertThat(WinRate.of(0, 0)).isZero();
        assertThat(new WinRate().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
