package io.omega.paper.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledEthCandlesTest {

    @Test
    void theBundledCandlesAreFiveHundredEightyFiveMinuteBarsInOrder() {
        List<Bar> bars = BundledEthCandles.load("ETH-USDT-SWAP");
        assertThat(bars).hasSize(580);
        Bar first = bars.get(0);
        // endTime 1678730699999 is the last millisecond of the candle that starts five minutes earlier
        assertThat(first).isEqualTo(new Bar("ETH-USDT-SWAP", Instant.ofEpochMilli(1678730400000L), 1673.58, 1677.62,
                1672.44, 1672.99, 65.3033, 0));
        assertThat(bars.get(579).start()).isEqualTo(Instant.ofEpochMilli(1678904400000L).minus(Duration.ofMinutes(5)));
        for (int i = 1; i < bars.size(); i++) {
            assertThat(Duration.between(bars.get(i - 1).start(), bars.get(i).start())).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void aMalformedCandleIsNamedByItsIndexAndField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> BundledEthCandles.parse(json.readTree("""
                {"ohlc": [{"endTime": 299999, "openPrice": 10, "highPrice": 11, "lowPrice": 9, "closePrice": 10.5,
                           "volume": 1},
                          {"endTime": 599999, "openPrice": 10, "highPrice": "x", "lowPrice": 9, "closePrice": 10,
                           "volume": 1}]}
                """), "ETH")).hasMessage(BundledEthCandles.RESOURCE + " candle 1: 'highPrice' must be a number, got \"x\"");
        assertThatThrownBy(() -> BundledEthCandles.parse(json.readTree("""
                {"ohlc": [{"endTime": 299999, "openPrice": 10, "highPrice": 9.5, "lowPrice": 9, "closePrice": 10.5,
                           "volume": 1}]}
                """), "ETH")).hasMessage(BundledEthCandles.RESOURCE
                + " candle 0: low 9.0 and high 9.5 do not bracket open 10.0 and close 10.5");
        assertThatThrownBy(() -> BundledEthCandles.parse(json.readTree("{\"name\": \"x\"}"), "ETH"))
                .hasMessage(BundledEthCandles.RESOURCE + ": expected a non-empty array 'ohlc'");
    }
}
