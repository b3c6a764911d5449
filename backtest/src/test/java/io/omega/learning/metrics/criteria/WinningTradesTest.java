package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinningTradesTest {

    @Test
    void countsTradesAboveZeroOnly() {
        // +20 and +30; the trade at exactly 0 is not a win
        assertThat(WinningTrades.of(HandTrades.RESULT.trades())).isEqualTo(2);
        assertThat(new WinningTrades().calculate(HandTrades.RESULT)).isEqualTo(2.0);
    }

    @Test
    void noTradesIsZero() {
        assertThat(new WinningTrades().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
