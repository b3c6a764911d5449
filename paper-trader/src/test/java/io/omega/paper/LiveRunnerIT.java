package io.omega.paper;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.exchange.okx.Backoff;
import io.omega.exchange.okx.OkxRestTestServer;
import io.omega.exchange.okx.OkxTestServer;
import io.omega.paper.market.Bar;
import io.omega.paper.market.BarAggregator;
import io.omega.paper.market.BundledBitstampTrades;
import io.omega.paper.market.LiveBars;
import io.omega.paper.market.Trade;
import io.omega.schemas.event.Decision;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine on a live OKX stream, served by a local server speaking OKX's protocol (WebSocket and REST): real
 * Bitstamp trades pushed as OKX trades frames, closed half way and resumed on a new connection after a gap that is
 * fetched over REST, with OKX's repeat of the latest trade on each subscription, become exactly the one-minute bars
 * the replay would build, and the real trader's decisions on the real broker.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LiveRunnerIT {

    /** Not the replay's symbol: both use the same 2013 trades, and share the broker. */
    private static final String SYMBOL = "BTC-USD-SWAP";
    private static final int BARS = 70;
    /** Trades OKX does not push while the connection is down, fetched over REST after the reconnect. */
    private static final int GAP = 40;

    @TempDir
    Path dataDir;

    private String bootstrap;

    @BeforeEach
    void topics(KafkaTestBroker kafka) throws Exception {
        bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    private OmegaConfig config(OkxTestServer server, String symbol) {
        return config(server, symbol, "http://127.0.0.1:9");
    }

    private OmegaConfig config(OkxTestServer server, String symbol, String restUrl) {
        return ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                paper_trading:
                  market_data: okx
                  okx_ws_url: "%s"
                  okx_rest_url: "%s"
                  symbols: ["%s"]
                """.formatted(bootstrap, dataDir, server.publicUrl(), restUrl, symbol), Map.of());
    }

    @Test
    void streamedTradesBecomeBarsAndDecisionsAcrossAReconnect() throws Exception {
        // The first trades of the bundled file up to the first one 2 s (the allowed lateness) into minute BARS + 1:
        // exactly BARS complete bars.
        List<Trade> trades = new ArrayList<>();
        List<Bar> expected = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(SYMBOL, Duration.ofMinutes(1));
        for (Trade t : BundledBitstampTrades.load()) {
            trades.add(t);
            if (expected.size() < BARS) {
                aggregator.add(t).ifPresent(expected::add);
            } else if (!t.time().isBefore(expected.get(BARS - 1).start().plus(Duration.ofSeconds(62)))) {
                break;
            }
        }
        int half = trades.size() / 2;
        int resume = half + GAP;
        List<String[]> entries = entries(trades);
        try (OkxRestTestServer rest = OkxRestTestServer.start(
                () -> OkxRestTestServer.listed(SYMBOL, entries.subList(0, resume)));
             OkxTestServer server = OkxTestServer.start((s, message) -> {
            if (message.equals("ping")) {
                s.pong();
                return;
            }
            s.ackAll(message);
            if (s.number() == 1) {
                // OKX's repeat of the latest trade, from before the first minute: it must not open a bar.
                Trade first = trades.get(0);
                s.send(OkxTestServer.trades(SYMBOL, new String[] {"0", plain(first.price()), "5", "buy",
                        Long.toString(first.time().minusSeconds(25).toEpochMilli())}));
                push(s, entries.subList(0, half));
                s.closeWith(1001, "restart"); // after the queued frames: a cut TCP connection would lose some
            } else {
                s.send(OkxTestServer.trades(SYMBOL, entries.get(resume - 1))); // the repeat, fetched over REST too
                push(s, entries.subList(resume, entries.size()));
            }
        })) {
            OmegaConfig config = config(server, SYMBOL, rest.url());
            StringWriter out = new StringWriter();
            AtomicReference<PaperTrader> trader = new AtomicReference<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            LiveRunner.Result result = LiveRunner.run(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                    new PrintWriter(out, true),
                    () -> trader.get() != null && trader.get().stats().bars() == BARS || System.nanoTime() > deadline,
                    settings -> settings.withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(50), 1, 0)),
                    trader::set);

            assertThat(server.failures()).isEmpty();
            assertThat(result.trader().bars()).isEqualTo(BARS);
            assertThat(result.trader().decisions()).isEqualTo(BARS - 30); // the features need 31 bars
            assertThat(result.stream().trades()).isEqualTo(trades.size() - GAP + 2);
            assertThat(result.stream().connects()).isEqualTo(2);
            assertThat(result.stream().reconnects()).isEqualTo(1);
            assertThat(result.stream().malformedFrames()).isZero();
            assertThat(result.bars()).isEqualTo(new LiveBars.Counts(1, 0, 1));
            assertThat(result.gapTrades()).isEqualTo(GAP);
            assertThat(rest.requests()).containsExactly(
                    "/api/v5/market/trades?instId=" + SYMBOL + "&limit=500");
            assertThat(server.receivedOn(1)).containsExactly(
                    "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"" + SYMBOL + "\"}]}");
            assertThat(server.receivedOn(2)).isEqualTo(server.receivedOn(1));
            assertThat(out.toString())
                    .startsWith("Streaming OKX trades of " + SYMBOL + " from " + server.publicUrl()
                            + " into one-minute bars (Ctrl-C to stop)\nConnected to " + server.publicUrl() + "\n"
                            + "Subscribed to trades of " + SYMBOL + "\n")
                    .contains("Disconnected: closed by the server (1001 restart); reconnecting in 50 ms\n"
                            + "Connected to " + server.publicUrl() + " (connection 2)\n")
                    .contains("Subscribed to trades of " + SYMBOL + "\nFetched " + GAP + " trades of " + SYMBOL
                            + " after trade " + half + " over REST\n")
                    .contains("OKX stream: " + (trades.size() - GAP + 2) + " trades in ")
                    .contains("Bars: 1 duplicate trades dropped, 0 trades more than 2000 ms late dropped, "
                            + "1 subscription repeats skipped, " + GAP + " trades fetched over REST after reconnects "
                            + "(0 gaps not filled in full)\n");

            var decode = new OmegaSerdes(config.schemaRegistry()).valueDeserializer(SpecificRecord.class);
            List<Decision> decisions = CommittedRecords.read(bootstrap, Topics.DECISIONS.name(),
                            r -> SYMBOL.equals(((Decision) decode.deserialize(r.topic(), r.value())).getSymbol()),
                            BARS - 30, Duration.ofSeconds(1)).stream()
                    .map(r -> (Decision) decode.deserialize(r.topic(), r.value())).toList();
            assertThat(decisions).hasSize(BARS - 30);
            assertThat(decisions).extracting(Decision::getModelType).containsOnly("baseline");
            for (int i = 0; i < decisions.size(); i++) {
                Bar bar = expected.get(30 + i);
                assertThat(decisions.get(i).getEventTime()).isEqualTo(bar.start().plus(Duration.ofMinutes(1)));
                assertThat(decisions.get(i).getPrice()).isEqualTo(bar.close());
            }
        }
    }

    @Test
    void aSymbolOkxDoesNotListStopsTheRunByName() throws Exception {
        try (OkxTestServer server = OkxTestServer.start((s, message) ->
                s.refuse("60018", "channel:trades,instId:NOPE-USDT doesn't exist"))) {
            OmegaConfig config = config(server, "NOPE-USDT");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            StringWriter out = new StringWriter();
            assertThatThrownBy(() -> LiveRunner.run(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                    new PrintWriter(out, true), () -> System.nanoTime() > deadline))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("OKX refused the subscription to trades of NOPE-USDT (60018: channel:trades,"
                            + "instId:NOPE-USDT doesn't exist): check paper_trading.symbols");
            // The summary still comes, before the error.
            assertThat(out.toString()).contains("OKX stream: 0 trades in 1 frames, 1 connections (0 reconnects, "
                    + "0 failed attempts), 1 OKX errors, 0 malformed frames, 0 pings and 0 pongs, 1 refused and 0 "
                    + "unanswered subscriptions, 0 trades of unsubscribed instruments ignored\n");
        }
    }

    @Test
    void aUrlWhoseBusinessEndpointCannotBeFoundIsRefusedByKey() {
        OmegaConfig config = ConfigLoader.parse("""
                paper_trading:
                  market_data: okx
                  okx_ws_url: "wss://ws.okx.com:8443/ws/v5/private"
                """, Map.of());
        assertThatThrownBy(() -> LiveRunner.run(config, new OmegaSerdes(config.schemaRegistry()), "cnn",
                new PrintWriter(new StringWriter(), true), () -> true))
                .hasMessage("paper_trading.okx_ws_url: cannot derive OKX's business endpoint from "
                        + "'wss://ws.okx.com:8443/ws/v5/private': its path should end in /public (as in "
                        + "wss://ws.okx.com:8443/ws/v5/public)");
    }

    /** The trades as OKX lists them, ids from 1: prices and sizes as strings, times in milliseconds. */
    private static List<String[]> entries(List<Trade> trades) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            Trade t = trades.get(i);
            out.add(new String[] {Integer.toString(i + 1), plain(t.price()), plain(t.amount()),
                    i % 2 == 0 ? "buy" : "sell", Long.toString(t.time().toEpochMilli())});
        }
        return out;
    }

    /** A few trades per frame, as OKX pushes them. */
    private static void push(OkxTestServer.Session s, List<String[]> entries) {
        for (int from = 0; from < entries.size(); from += 4) {
            s.send(OkxTestServer.trades(SYMBOL, entries.subList(from, Math.min(from + 4, entries.size()))
                    .toArray(String[][]::new)));
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
