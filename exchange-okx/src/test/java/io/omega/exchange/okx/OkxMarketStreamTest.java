package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream client against a local server speaking OKX's protocol: subscriptions and their acknowledgements, data,
 * refusals, keep-alive, reconnection with backoff, malformed and fragmented frames, a clean close.
 */
class OkxMarketStreamTest {

    private static final OkxArg BTC_TRADES = OkxArg.trades("BTC-USDT-SWAP");
    private static final String BTC_TRADES_SUBSCRIBE =
            "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"}]}";
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(50), 1.0, 0.0);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private OkxTestServer server(OkxTestServer.Script script) throws InterruptedException {
        OkxTestServer server = OkxTestServer.start(script);
        open.add(server);
        return server;
    }

    private OkxMarketStream stream(OkxStreamSettings settings) {
        OkxMarketStream stream = new OkxMarketStream(settings, listener, HttpClient.newHttpClient(),
                new SplittableRandom(7), new ObjectMapper());
        open.add(stream);
        stream.start();
        return stream;
    }

    private static OkxStreamSettings settings(OkxTestServer server, OkxArg... args) {
        return OkxStreamSettings.of(server.endpoints(), List.of(args)).withBackoff(QUICK);
    }

    /** OKX's usual answers: acknowledge subscriptions, answer pings. */
    private static void okx(OkxTestServer.Session s, String message) {
        if (message.equals("ping")) {
            s.pong();
        } else {
            s.ackAll(message);
        }
    }

    @Test
    void subscribesOnThePublicEndpointGetsEveryChannelAcknowledgedAndClosesCleanly() throws Exception {
        OkxTestServer server = server(OkxMarketStreamTest::okx);
        OkxArg tickers = new OkxArg("tickers", "BTC-USDT-SWAP");
        OkxMarketStream stream = stream(settings(server, BTC_TRADES, tickers));

        List<OkxEvent.Subscribed> acks = listener.await(OkxEvent.Subscribed.class, 2);
        stream.close();

        assertThat(acks).containsExactly(new OkxEvent.Subscribed(BTC_TRADES, "c1"),
                new OkxEvent.Subscribed(tickers, "c1"));
        assertThat(server.allReceived()).containsExactly(new OkxTestServer.Received(1, "/ws/v5/public",
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},"
                        + "{\"channel\":\"tickers\",\"instId\":\"BTC-USDT-SWAP\"}]}"));
        OkxTestServer.Closed closed = server.nextClose();
        assertThat(closed.code()).isEqualTo(1000);
        assertThat(closed.byClient()).isTrue();
        assertThat(listener.connections).containsExactly(1);
        assertThat(listener.endpoints).containsExactly(URI.create(server.publicUrl()));
        assertThat(listener.disconnects).isEmpty();
        assertThat(stream.connected()).isFalse();
        OkxStreamStats stats = stream.stats();
        assertThat(stats.connectAttempts()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.reconnects()).isZero();
        assertThat(stats.disconnects()).isZero();
        assertThat(stats.frames()).isEqualTo(2);
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void dataFramesBecomeTheExactTradesInOrder() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.send(OkxTestServer.trades("BTC-USDT-SWAP",
                    new String[] {"130639474", "42219.9", "0.12060306", "buy", "1630048897897"}));
            s.send(OkxTestServer.trades("BTC-USDT-SWAP",
                    new String[] {"130639475", "42220.1", "1", "sell", "1630048897950"},
                    new String[] {"130639476", "42220.1", "2.5", "sell", "1630048897950"}));
            s.send(OkxTestServer.trades("BTC-USDT-SWAP",
                    new String[] {"130639480", "42218", "0.01", "buy", "1630048898001"},
                    new String[] {"130639481", "42217.5", "3", "sell", "1630048898002"},
                    new String[] {"130639482", "42219", "0.5", "buy", "1630048898100"}));
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES));

        listener.await(OkxEvent.Trades.class, 3);
        stream.close();

        assertThat(listener.trades()).containsExactly(
                trade("130639474", OkxTrade.Side.BUY, 1630048897897L, 42219.9, 0.12060306),
                trade("130639475", OkxTrade.Side.SELL, 1630048897950L, 42220.1, 1),
                trade("130639476", OkxTrade.Side.SELL, 1630048897950L, 42220.1, 2.5),
                trade("130639480", OkxTrade.Side.BUY, 1630048898001L, 42218, 0.01),
                trade("130639481", OkxTrade.Side.SELL, 1630048898002L, 42217.5, 3),
                trade("130639482", OkxTrade.Side.BUY, 1630048898100L, 42219, 0.5));
        OkxStreamStats stats = stream.stats();
        assertThat(stats.trades()).isEqualTo(6);
        assertThat(stats.frames()).isEqualTo(4);
        assertThat(stats.malformedFrames()).isZero();
    }

    @Test
    void aTextMessageInFragmentsIsReadAsOne() throws Exception {
        String frame = OkxTestServer.trades("BTC-USDT-SWAP",
                new String[] {"7", "42000.5", "0.25", "sell", "1630048897897"});
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.sendFragmented(frame, 10, 60, 61);
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES));

        List<OkxEvent.Trades> trades = listener.await(OkxEvent.Trades.class, 1);
        stream.close();

        assertThat(trades.get(0).trades()).containsExactly(
                trade("7", OkxTrade.Side.SELL, 1630048897897L, 42000.5, 0.25));
        assertThat(stream.stats().frames()).isEqualTo(2);
        assertThat(stream.stats().malformedFrames()).isZero();
    }

    @Test
    void anInstrumentOkxDoesNotListIsRefusedByNameAndTheRestGoesOn() throws Exception {
        OkxArg nope = OkxArg.trades("NOPE-USDT");
        OkxTestServer server = server((s, message) -> {
            s.refuse("60018", "channel:trades,instId:NOPE-USDT doesn't exist");
            s.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},"
                    + "\"connId\":\"c1\"}");
            s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"1", "42000", "1", "buy", "1630048897897"}));
        });
        OkxMarketStream stream = stream(settings(server, nope, BTC_TRADES));

        listener.await(OkxEvent.Trades.class, 1);
        stream.close();

        OkxEvent.ServerError error = new OkxEvent.ServerError("60018",
                "channel:trades,instId:NOPE-USDT doesn't exist", "c1");
        assertThat(listener.allEvents).startsWith(error, new OkxEvent.Subscribed(BTC_TRADES, "c1"));
        assertThat(listener.refusals).containsExactly(new RecordingListener.Refusal(nope, error));
        OkxStreamStats stats = stream.stats();
        assertThat(stats.serverErrors()).isEqualTo(1);
        assertThat(stats.trades()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.disconnects()).isZero();
    }

    @Test
    void aSilentConnectionIsPingedAndKeptWhileOkxAnswersPong() throws Exception {
        OkxTestServer server = server(OkxMarketStreamTest::okx);
        OkxMarketStream stream = stream(settings(server, BTC_TRADES)
                .withKeepAlive(Duration.ofMillis(400), Duration.ofSeconds(2)));

        listener.await(OkxEvent.Pong.class, 3);
        stream.close();

        // A fourth ping may go out if this thread is held up 400 ms between the third pong and close(): count
        // what the server saw instead of assuming three.
        List<String> received = server.receivedOn(1);
        assertThat(received.get(0)).isEqualTo(BTC_TRADES_SUBSCRIBE);
        assertThat(received.subList(1, received.size())).hasSizeGreaterThanOrEqualTo(3).containsOnly("ping");
        int pings = received.size() - 1;
        assertThat(server.opened()).hasSize(1);
        OkxStreamStats stats = stream.stats();
        assertThat(stats.pingsSent()).isEqualTo(pings);
        assertThat(stats.pongsReceived()).isBetween(3L, (long) pings);
        assertThat(stats.pongTimeouts()).isZero();
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.disconnects()).isZero();
        assertThat(listener.disconnects).isEmpty();
    }

    @Test
    void aConnectionThatNeverAnswersPingIsGivenUpAndReplaced() throws Exception {
        OkxTestServer server = server((s, message) -> {
            if (message.equals("ping")) {
                if (s.number() > 1) {
                    s.pong();
                }
            } else {
                s.ackAll(message);
            }
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES)
                .withKeepAlive(Duration.ofMillis(300), Duration.ofMillis(300)));

        // Waits for the second connection's acknowledgement, not for two: on a loaded machine the first connection's
        // may come after its ping went unanswered, and so never.
        while (!listener.await(OkxEvent.Subscribed.class, 1).get(0).connId().equals("c2")) {
            // the first connection's acknowledgement, when it made it in time
        }
        stream.close();

        assertThat(server.receivedOn(1)).containsExactly(BTC_TRADES_SUBSCRIBE, "ping");
        // The second connection answers pings; one may go out if close() is held up 300 ms on a loaded machine.
        List<String> second = server.receivedOn(2);
        assertThat(second.get(0)).isEqualTo(BTC_TRADES_SUBSCRIBE);
        int answeredPings = second.size() - 1;
        assertThat(second.subList(1, second.size())).allSatisfy(m -> assertThat(m).isEqualTo("ping"));
        assertThat(listener.disconnects).containsExactly(
                new RecordingListener.Disconnect("no pong within 300 ms of a ping", Duration.ofMillis(50)));
        OkxStreamStats stats = stream.stats();
        assertThat(stats.pingsSent()).isEqualTo(1 + answeredPings);
        assertThat(stats.pongsReceived()).isLessThanOrEqualTo(answeredPings);
        assertThat(stats.pongTimeouts()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(2);
        assertThat(stats.reconnects()).isEqualTo(1);
        assertThat(stats.disconnects()).isEqualTo(1);
        assertThat(server.allClosed()).extracting(OkxTestServer.Closed::connection).contains(1);
    }

    @Test
    void droppedConnectionsComeBackAfterABackoffAndSubscribeAgain() throws Exception {
        OkxTestServer server = server((s, message) -> {
            switch (s.number()) {
                case 1 -> s.closeWith(1001, "restart");
                case 2 -> s.drop();
                case 3 -> {
                    s.ackAll(message);
                    s.send(OkxTestServer.trades("BTC-USDT-SWAP",
                            new String[] {"1", "42000", "1", "buy", "1630048897897"}));
                    s.closeWith(1001, "restart");
                }
                default -> s.ackAll(message);
            }
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES)
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0)));

        listener.await(OkxEvent.Subscribed.class, 2);
        stream.close();

        assertThat(server.allReceived()).extracting(OkxTestServer.Received::connection).containsExactly(1, 2, 3, 4);
        assertThat(server.allReceived()).extracting(OkxTestServer.Received::text)
                .containsOnly(BTC_TRADES_SUBSCRIBE);
        // Two failures in a row wait 100 then 200 ms; a connection that carried data starts the backoff over.
        assertThat(listener.disconnects).extracting(RecordingListener.Disconnect::reconnectIn)
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100));
        assertThat(listener.disconnects.get(0).reason()).isEqualTo("closed by the server (1001 restart)");
        assertThat(listener.disconnects.get(1).reason()).isEqualTo("connection lost without a close handshake (1006)");
        assertThat(listener.disconnects.get(2).reason()).isEqualTo("closed by the server (1001 restart)");
        List<OkxTestServer.Opened> opened = server.opened();
        List<OkxTestServer.Closed> closed = server.allClosed();
        assertThat(opened).hasSize(4);
        assertThat(nanosBetween(closed, 1, opened.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(90).toNanos());
        assertThat(nanosBetween(closed, 2, opened.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
        assertThat(listener.connections).containsExactly(1, 2, 3, 4);
        OkxStreamStats stats = stream.stats();
        assertThat(stats.connects()).isEqualTo(4);
        assertThat(stats.reconnects()).isEqualTo(3);
        assertThat(stats.disconnects()).isEqualTo(3);
        assertThat(stats.connectFailures()).isZero();
        assertThat(stats.trades()).isEqualTo(1);
    }

    @Test
    void aServerNotThereYetIsRetriedUntilItIs() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        OkxStreamSettings settings = OkxStreamSettings.of(
                OkxEndpoints.fromPublic("ws://127.0.0.1:" + port + "/ws/v5/public"), List.of(BTC_TRADES))
                .withBackoff(QUICK);
        OkxMarketStream stream = stream(settings);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stream.stats().connectFailures() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        open.add(0, OkxTestServer.start(port, OkxMarketStreamTest::okx));

        listener.await(OkxEvent.Subscribed.class, 1);
        stream.close();

        OkxStreamStats stats = stream.stats();
        assertThat(stats.connectFailures()).isGreaterThanOrEqualTo(2);
        assertThat(stats.connectAttempts()).isEqualTo(stats.connectFailures() + 1);
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.reconnects()).isZero();
        assertThat(stats.disconnects()).isZero();
        assertThat(listener.disconnects).hasSize((int) stats.connectFailures())
                .allSatisfy(d -> assertThat(d.reason()).startsWith("cannot connect to ws://127.0.0.1:" + port));
    }

    @Test
    void malformedFramesAreCountedAndNamedAndTheStreamGoesOn() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.send("not json");
            s.send("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"instId\":"
                    + "\"BTC-USDT-SWAP\",\"tradeId\":\"1\",\"px\":\"abc\",\"sz\":\"1\",\"side\":\"buy\","
                    + "\"ts\":\"1630048897897\"}]}");
            s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"2", "42000", "1", "buy", "1630048897900"}));
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES));

        listener.await(OkxEvent.Trades.class, 1);
        stream.close();

        assertThat(listener.malformed).hasSize(2);
        assertThat(listener.malformed.get(0).problem()).startsWith("not JSON (Unrecognized token 'not'");
        assertThat(listener.malformed.get(0).frame()).isEqualTo("not json");
        assertThat(listener.malformed.get(1).problem())
                .isEqualTo("trades data[0].px: expected a decimal number, got string \"abc\"");
        assertThat(listener.trades()).containsExactly(trade("2", OkxTrade.Side.BUY, 1630048897900L, 42000, 1));
        OkxStreamStats stats = stream.stats();
        assertThat(stats.malformedFrames()).isEqualTo(2);
        assertThat(stats.frames()).isEqualTo(4);
        assertThat(stats.trades()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.disconnects()).isZero();
    }

    @Test
    void candlesAreStreamedFromTheBusinessEndpoint() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.send("{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[[\"1597026360000\","
                    + "\"8533.02\",\"8553.74\",\"8527.17\",\"8548.26\",\"45247\",\"529.5858061\",\"5529.5858061\","
                    + "\"1\"]]}");
        });
        OkxArg candles = new OkxArg("candle1m", "BTC-USDT-SWAP");
        OkxMarketStream stream = stream(settings(server, candles));

        List<OkxEvent.Candles> pushed = listener.await(OkxEvent.Candles.class, 1);
        stream.close();

        assertThat(server.opened()).extracting(OkxTestServer.Opened::path).containsExactly("/ws/v5/business");
        assertThat(pushed.get(0)).isEqualTo(new OkxEvent.Candles(candles, List.of(new OkxCandle(
                Instant.ofEpochMilli(1597026360000L), 8533.02, 8553.74, 8527.17, 8548.26, 45247, 529.5858061,
                5529.5858061, true))));
    }

    @Test
    void okxNoticeOfAnUpgradeLeadsToANewConnection() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            if (s.number() == 1) {
                s.send("{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for "
                        + "a service upgrade. Please reconnect.\",\"connId\":\"c1\"}");
            }
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES));

        listener.await(OkxEvent.Subscribed.class, 2);
        stream.close();

        assertThat(server.receivedOn(1)).containsExactly(BTC_TRADES_SUBSCRIBE);
        assertThat(server.receivedOn(2)).containsExactly(BTC_TRADES_SUBSCRIBE);
        assertThat(listener.disconnects).extracting(RecordingListener.Disconnect::reason).containsExactly(
                "OKX announced a service upgrade (64008 The connection will soon be closed for a service upgrade. "
                        + "Please reconnect.)");
        assertThat(stream.stats().reconnects()).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheStreamGoesOn() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"1", "42000", "1", "buy", "1630048897897"}));
            s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"2", "42001", "1", "buy", "1630048897898"}));
        });
        CountDownLatch second = new CountDownLatch(2);
        OkxStreamListener throwing = event -> {
            if (event instanceof OkxEvent.Trades) {
                second.countDown();
                throw new IllegalStateException("listener broke");
            }
        };
        OkxMarketStream stream = new OkxMarketStream(settings(server, BTC_TRADES), throwing);
        open.add(stream);
        stream.start();

        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();

        assertThat(stream.stats().listenerFailures()).isEqualTo(2);
        assertThat(stream.stats().trades()).isEqualTo(2);
        assertThat(stream.stats().disconnects()).isZero();
    }

    @Test
    void aRefusalNamedOnlyInArgStopsThatInstrumentAloneAndLaterConnectionsNoLongerAskForIt() throws Exception {
        OkxArg eth = OkxArg.trades("ETH-USDT-SWAP");
        OkxTestServer server = server((s, message) -> {
            if (s.number() == 1) {
                s.ackAll(message);
                s.send(OkxTestServer.trades("ETH-USDT-SWAP", new String[] {"1", "2000", "1", "buy", "1630048897897"}));
                s.closeWith(1001, "restart");
                return;
            }
            // On the reconnect OKX no longer lists ETH: its error names it in arg only.
            s.send("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"channel not found\",\"arg\":"
                    + "{\"channel\":\"trades\",\"instId\":\"ETH-USDT-SWAP\"},\"connId\":\"" + s.connId() + "\"}");
            s.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},"
                    + "\"connId\":\"" + s.connId() + "\"}");
            if (s.number() == 2) {
                s.closeWith(1001, "restart");
            } else {
                s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"7", "42000", "1", "buy", "1630048897999"}));
            }
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES, eth));

        listener.await(OkxEvent.Trades.class, 2);
        stream.close();

        assertThat(server.receivedOn(1)).containsExactly("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\","
                + "\"instId\":\"BTC-USDT-SWAP\"},{\"channel\":\"trades\",\"instId\":\"ETH-USDT-SWAP\"}]}");
        assertThat(server.receivedOn(2)).isEqualTo(server.receivedOn(1));
        assertThat(server.receivedOn(3)).containsExactly(BTC_TRADES_SUBSCRIBE);
        assertThat(listener.refusals).containsExactly(new RecordingListener.Refusal(eth,
                new OkxEvent.ServerError("60018", "channel not found", "c2", eth)));
        assertThat(stream.activeSubscriptions()).containsExactly(BTC_TRADES);
        // The ETH error on connection 3 finds nothing pending for it: refused once, counted once.
        OkxStreamStats stats = stream.stats();
        assertThat(stats.refusedSubscriptions()).isEqualTo(1);
        assertThat(stats.serverErrors()).isEqualTo(2);
        assertThat(stats.connects()).isEqualTo(3);
        assertThat(stats.trades()).isEqualTo(2);
    }

    @Test
    void aSubscriptionLeftUnansweredIsGivenUpAfterTheTimeoutAndTheOthersGoOn() throws Exception {
        OkxArg eth = OkxArg.trades("ETH-USDT-SWAP");
        OkxTestServer server = server((s, message) -> {
            if (message.equals("ping")) {
                s.pong();
                return;
            }
            s.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},"
                    + "\"connId\":\"c1\"}");
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES, eth)
                .withSubscribeTimeout(Duration.ofSeconds(2)));

        // Two seconds, not less: BTC's acknowledgement, answered at once, must beat it on a loaded machine too.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (listener.unanswered.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stream.close();

        assertThat(listener.unanswered).containsExactly(new RecordingListener.Unanswered(eth, Duration.ofSeconds(2)));
        assertThat(listener.refusals).isEmpty();
        assertThat(stream.activeSubscriptions()).containsExactly(BTC_TRADES);
        OkxStreamStats stats = stream.stats();
        assertThat(stats.unansweredSubscriptions()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(1);
        assertThat(stats.disconnects()).isZero();
    }

    @Test
    void tradesOfAnInstrumentNotSubscribedToAreCountedAndDroppedAndTheRestGoesOn() throws Exception {
        OkxTestServer server = server((s, message) -> {
            s.ackAll(message);
            s.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"instruments\",\"instType\":\"SWAP\"},"
                    + "\"connId\":\"c1\"}");
            s.send(OkxTestServer.trades("DOGE-USDT", new String[] {"1", "0.1", "100", "buy", "1630048897897"},
                    new String[] {"2", "0.1", "50", "sell", "1630048897898"}));
            s.send(OkxTestServer.trades("BTC-USDT-SWAP", new String[] {"9", "42000", "1", "buy", "1630048897900"}));
        });
        OkxMarketStream stream = stream(settings(server, BTC_TRADES));

        listener.await(OkxEvent.Trades.class, 1);
        stream.close();

        assertThat(listener.trades()).containsExactly(trade("9", OkxTrade.Side.BUY, 1630048897900L, 42000, 1));
        assertThat(listener.allEvents).contains(new OkxEvent.OtherEvent("subscribe", "c1"));
        OkxStreamStats stats = stream.stats();
        assertThat(stats.unsubscribedTrades()).isEqualTo(2);
        assertThat(stats.trades()).isEqualTo(1);
        assertThat(stats.malformedFrames()).isZero();
        assertThat(stats.listenerFailures()).isZero();
    }

    private static long nanosBetween(List<OkxTestServer.Closed> closed, int connection, OkxTestServer.Opened next) {
        long closedAt = closed.stream().filter(c -> c.connection() == connection).findFirst()
                .orElseThrow(() -> new AssertionError("connection " + connection + " never closed: " + closed))
                .nanos();
        return next.nanos() - closedAt;
    }

    private static OkxTrade trade(String tradeId, OkxTrade.Side side, long ts, double px, double sz) {
        return new OkxTrade("BTC-USDT-SWAP", tradeId, side, 1, Instant.ofEpochMilli(ts), px, sz);
    }
}
