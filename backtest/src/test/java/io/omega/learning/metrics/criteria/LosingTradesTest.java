package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LosingTradesTest {

    @Test
    void countsTradesBelowZeroOnly() {
        // −10 and −5; the trade at exactly 0 is not a loss
        assertThat(LosingTrades.of(HandTrades.RESULT.trades())).isEqualTo(2);
        assertThat(new LosingTrades().calculate(HandTrades.RESULT)).isEqualTo(2.0);
    }

    @Test
    void noTradesIsZero() {
        assertThat(new LosingTrades().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
