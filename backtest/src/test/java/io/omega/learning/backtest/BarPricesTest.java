package io.omega.learning.backtest;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BarPricesTest {

    @Test
    void aDecisionWithItsBarPricesGivesItsBarAndOneWithoutThemABarOfItsPrice() {
        Map<String, Double> logged = BarPrices.with(Map.of("ret_1", 0.01), 100.0, 102.0, 99.0);
        assertThat(logged).containsEntry("ret_1", 0.01).containsEntry("bar_open", 100.0)
                .containsEntry("bar_high", 102.0).containsEntry("bar_low", 99.0);
        assertThat(BarPrices.of(logged, 101.0)).isEqualTo(new BarPrices.Ohlc(100.0, 102.0, 99.0, 101.0));

        assertThat(BarPrices.of(Map.of("ret_1", 0.01), 101.0)).isEqualTo(new BarPrices.Ohlc(101.0, 101.0, 101.0, 101.0));
        // a row missing one of the three is not half a bar
        assertThat(BarPrices.of(Map.of("bar_open", 100.0, "bar_high", 102.0), 101.0))
                .isEqualTo(new BarPrices.Ohlc(101.0, 101.0, 101.0, 101.0));
        assertThat(BarPrices.isPrice("bar_low")).isTrue();
        assertThat(BarPrices.isPrice("ret_1")).isFalse();
    }
}
