package io.omega.exchange.okx;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OkxEndpointsTest {

    @Test
    void theBusinessEndpointIsDerivedFromThePublicOne() {
        OkxEndpoints live = OkxEndpoints.fromPublic("wss://ws.okx.com:8443/ws/v5/public");
        assertThat(live.publicUri()).isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/public"));
        assertThat(live.businessUri()).isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/business"));
        OkxEndpoints demo = OkxEndpoints.fromPublic("wss://wspap.okx.com:8443/ws/v5/public?brokerId=9999");
        assertThat(demo.businessUri()).isEqualTo(URI.create("wss://wspap.okx.com:8443/ws/v5/business?brokerId=9999"));
    }

    @Test
    void eachChannelHasItsEndpoint() {
        OkxEndpoints live = OkxEndpoints.fromPublic("wss://ws.okx.com:8443/ws/v5/public");
        assertThat(live.forChannel("trades")).isEqualTo(live.publicUri());
        assertThat(live.forChannel("tickers")).isEqualTo(live.publicUri());
        assertThat(live.forChannel("books5")).isEqualTo(live.publicUri());
        assertThat(live.forChannel("candle1m")).isEqualTo(live.businessUri());
        assertThat(live.forChannel("candle1Dutc")).isEqualTo(live.businessUri());
        assertThatThrownBy(() -> live.forChannel("candle7m")).hasMessageStartingWith("OKX channel 'candle7m' is not");
    }

    @Test
    void urlsThatCannotServeAreRefusedByName() {
        assertThatThrownBy(() -> OkxEndpoints.fromPublic("https://ws.okx.com/ws/v5/public"))
                .hasMessage("the OKX public WebSocket URL must be ws:// or wss://, got 'https://ws.okx.com/ws/v5/public'");
        assertThatThrownBy(() -> OkxEndpoints.fromPublic("wss://ws.okx.com:8443/ws/v5/private"))
                .hasMessage("cannot derive OKX's business endpoint from 'wss://ws.okx.com:8443/ws/v5/private': its "
                        + "path should end in /public (as in wss://ws.okx.com:8443/ws/v5/public)");
        assertThatThrownBy(() -> OkxEndpoints.fromPublic("wss://ws okx"))
                .hasMessageStartingWith("the OKX public WebSocket URL 'wss://ws okx' is not a URI: ");
        assertThatThrownBy(() -> OkxEndpoints.fromPublic(" "))
                .hasMessage("the OKX public WebSocket URL is missing");
    }

    @Test
    void oneStreamServesOneEndpoint() {
        OkxEndpoints live = OkxEndpoints.fromPublic("wss://ws.okx.com:8443/ws/v5/public");
        OkxStreamSettings settings = OkxStreamSettings.of(live, List.of(OkxArg.trades("BTC-USDT-SWAP")));
        assertThat(settings.endpoint()).isEqualTo(live.publicUri());
        assertThat(settings.pingAfterSilence()).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.pongTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff()).isEqualTo(Backoff.standard());
        assertThat(OkxStreamSettings.of(live, List.of(new OkxArg("candle1m", "BTC-USDT-SWAP"))).endpoint())
                .isEqualTo(live.businessUri());
        assertThatThrownBy(() -> OkxStreamSettings.of(live, List.of(OkxArg.trades("BTC-USDT-SWAP"),
                new OkxArg("candle1m", "BTC-USDT-SWAP"))))
                .hasMessage("OKX serves [trades of BTC-USDT-SWAP, candle1m of BTC-USDT-SWAP] on different endpoints "
                        + "(wss://ws.okx.com:8443/ws/v5/public and wss://ws.okx.com:8443/ws/v5/business): open one "
                        + "stream per endpoint");
        assertThatThrownBy(() -> settings.withKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(5)))
                .hasMessage("the silence before a ping must be under OKX's 30 s cut-off, got PT30S");
        assertThatThrownBy(() -> settings.withKeepAlive(Duration.ofSeconds(5), Duration.ZERO))
                .hasMessage("the wait for a pong must be positive, got PT0S");
        assertThatThrownBy(() -> OkxStreamSettings.of(live, List.of()))
                .hasMessage("an OKX stream needs at least one subscription");
    }
}
