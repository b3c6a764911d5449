package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gap fetch against a local server answering OKX's trades and history-trades requests. */
class OkxRestTradesTest {

    private static final String BTC = "BTC-USDT-SWAP";
    private static final long T0 = 1_700_000_000_000L;

    private final List<OkxRestTestServer.Listed> listed = new ArrayList<>();
    private final OkxRestTestServer server;
    private final OkxRestTrades rest;

    OkxRestTradesTest() throws Exception {
        for (int id = 1; id <= 650; id++) {
            listed.add(new OkxRestTestServer.Listed(BTC, new String[] {Integer.toString(id),
                    Integer.toString(30_000 + id % 7), "0.5", id % 2 == 0 ? "buy" : "sell", Long.toString(T0 + id * 100L)}));
            if (id % 10 == 0) {
                listed.add(new OkxRestTestServer.Listed("ETH-USDT-SWAP", new String[] {Integer.toString(id),
                        "2000", "1", "buy", Long.toString(T0 + id * 100L)}));
            }
        }
        server = OkxRestTestServer.start(() -> listed);
        rest = new OkxRestTrades(server.uri(), HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aShortGapIsOneRequestOfTheLatestTrades() throws Exception {
        OkxRestTrades.Gap gap = rest.since(BTC, "640");

        assertThat(server.requests()).containsExactly("/api/v5/market/trades?instId=BTC-USDT-SWAP&limit=500");
        assertThat(gap.trades()).extracting(OkxTrade::tradeId)
                .containsExactly("641", "642", "643", "644", "645", "646", "647", "648", "649", "650");
        assertThat(gap.trades().get(0)).isEqualTo(new OkxTrade(BTC, "641", OkxTrade.Side.SELL, 1,
                Instant.ofEpochMilli(T0 + 64_100), 30_000 + 641 % 7, 0.5));
        assertThat(gap.reachedStart()).isTrue();
        assertThat(gap.requests()).isEqualTo(1);
    }

    @Test
    void aLongGapPagesBackThroughTheHistoryUntilItsStart() throws Exception {
        OkxRestTrades.Gap gap = rest.since(BTC, "20");

        assertThat(server.requests()).containsExactly(
                "/api/v5/market/trades?instId=BTC-USDT-SWAP&limit=500",
                "/api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=151&limit=100",
                "/api/v5/market/history-trades?instId=BTC-USDT-SWAP&type=1&after=51&limit=100");
        List<String> ids = new ArrayList<>();
        for (int id = 21; id <= 650; id++) {
            ids.add(Integer.toString(id));
        }
        assertThat(gap.trades()).extracting(OkxTrade::tradeId).containsExactlyElementsOf(ids);
        assertThat(gap.reachedStart()).isTrue();
        assertThat(gap.requests()).isEqualTo(3);
    }

    @Test
    void nothingAfterTheLastTradeIsAnEmptyGap() throws Exception {
        OkxRestTrades.Gap gap = rest.since(BTC, "650");

        assertThat(gap.trades()).isEmpty();
        assertThat(gap.reachedStart()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void onlyAnHttpUrlWithAHostIsABase() {
        assertThatThrownBy(() -> new OkxRestTrades(URI.create("wss://ws.okx.com:8443"), HttpClient.newHttpClient(),
                new ObjectMapper(), Duration.ofSeconds(1)))
                .hasMessage("the OKX REST URL must be http:// or https:// with a host, got 'wss://ws.okx.com:8443'");
    }
}
