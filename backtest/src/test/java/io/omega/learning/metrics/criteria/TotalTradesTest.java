package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotalTradesTest {

    @Test
    void countsWinnersLosersAndBreakEvens() {
        assertThat(TotalTrades.of(HandTrades.RESULT.trades())).isEqualTo(5);
        assertThat(new TotalTrades().calculate(HandTrades.RESULT)).isEqualTo(5.0);
    }

    @Test
    void noTradesIsZero() {
        assertThat(new TotalTrades().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
