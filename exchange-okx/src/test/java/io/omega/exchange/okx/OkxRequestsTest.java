package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OkxRequestsTest {

    private final OkxRequests requests = new OkxRequests(new ObjectMapper());

    @Test
    void subscribeAndUnsubscribeAreOkxsRequests() {
        assertThat(requests.subscribe(List.of(OkxArg.trades("BTC-USDT-SWAP"))))
                .isEqualTo("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"}]}");
        assertThat(requests.unsubscribe(List.of(new OkxArg("books5", "BTC-USDT"), new OkxArg("candle1m", "ETH-USDT"))))
                .isEqualTo("{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books5\",\"instId\":\"BTC-USDT\"},"
                        + "{\"channel\":\"candle1m\",\"instId\":\"ETH-USDT\"}]}");
        assertThat(OkxRequests.PING).isEqualTo("ping");
    }

    @Test
    void badRequestsAreRefusedByName() {
        assertThatThrownBy(() -> requests.subscribe(List.of()))
                .hasMessage("an OKX subscribe request needs at least one channel");
        assertThatThrownBy(() -> requests.subscribe(List.of(OkxArg.trades("A"), OkxArg.trades("A"))))
                .hasMessage("an OKX subscribe request must not repeat a channel, got [trades of A, trades of A]");
        assertThatThrownBy(() -> requests.subscribe(List.of(new OkxArg("funding-rate", "A"))))
                .hasMessageStartingWith("OKX channel 'funding-rate' is not one this client speaks: trades, tickers, "
                        + "books5 or candle<bar> with <bar> one of [1s, 1m, ");
        assertThatThrownBy(() -> new OkxArg("trades", " "))
                .hasMessage("an OKX subscription of channel 'trades' needs an instId, got ' '");
        assertThatThrownBy(() -> new OkxArg(null, "A"))
                .hasMessage("an OKX subscription needs a channel, got nothing");
        List<OkxArg> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(OkxArg.trades("INSTRUMENT-" + i));
        }
        assertThatThrownBy(() -> requests.subscribe(many))
                .hasMessageStartingWith("an OKX subscribe request of 2000 channels is ")
                .hasMessageEndingWith(" characters, over OKX's limit of 65536: split them over several connections");
    }
}
