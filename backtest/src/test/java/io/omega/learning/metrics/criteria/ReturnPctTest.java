package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReturnPctTest {

    @Test
    void totalPnlOverStartingCapitalInPercent() {
        // 35 / 1000 = 3.5 % (0.035 has no exact binary form: one unit in the last place either way)
        assertThat(new ReturnPct().calculate(HandTrades.RESULT)).isCloseTo(3.5, within(1e-12));
        assertThat(ReturnPct.of(-25, 1000)).isEqualTo(-2.5);
        assertThat(ReturnPct.of(512, 1024)).isEqualTo(50.0);
    }

    @Test
    void noTradesIsZero() {
        assertThat(new ReturnPct().calculate(HandTrades.NO_TRADES)).isZero();
    }
}
