package io.omega.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.exchange.okx.Backoff;
import io.omega.exchange.okx.OkxArg;
import io.omega.exchange.okx.OkxMarketStream;
import io.omega.exchange.okx.OkxRestTestServer;
import io.omega.exchange.okx.OkxRestTrades;
import io.omega.exchange.okx.OkxStreamSettings;
import io.omega.exchange.okx.OkxTestServer;
import io.omega.paper.market.Bar;
import io.omega.paper.market.ExpectedBars;
import io.omega.paper.market.LiveBars;
import io.omega.paper.market.Trade;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames as OKX sends them, through the stream and the feed into bars: duplicates, trades out of order within and
 * across minutes, the latest trade repeated on each subscription, a reconnect whose gap is fetched over REST. The
 * bars must be exactly those worked out independently from the distinct trades.
 */
class OkxLiveFeedTest {

    private static final String BTC = "BTC-USDT-SWAP";
    private static final String ETH = "ETH-USDT-SWAP";
    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LATENESS = Duration.ofSeconds(2);
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(50), 1.0, 0.0);

    private final SplittableRandom random = new SplittableRandom(2016);

    @Test
    void duplicatedReorderedFramesAndAReconnectGapFilledOverRestGiveTheExactBars() throws Exception {
        List<ExpectedBars.Numbered> trades = trades(1_200);
        int lastPushed = 600;  // then the connection closes
        int lastMissed = 700;  // OKX has these when the client is back; the stream never pushes them
        List<ExpectedBars.Numbered> first = trades.subList(0, lastPushed);
        List<ExpectedBars.Numbered> missed = trades.subList(lastPushed, lastMissed);
        List<ExpectedBars.Numbered> second = new ArrayList<>(trades.subList(lastMissed - 6, trades.size()));
        int[] copies = new int[1];
        List<String> firstFrames = frames(BTC, first, copies);
        // The second connection starts with the last 6 trades of the gap again (OKX's push overlapping REST).
        List<String> secondFrames = frames(BTC, second, copies);
        ExpectedBars.Numbered newestOfFirst = first.get(first.size() - 1);
        ExpectedBars.Numbered oldRepeat = new ExpectedBars.Numbered("0", 1,
                new Trade(T.minusSeconds(25), 29_000, 3));

        try (OkxRestTestServer rest = OkxRestTestServer.start(() -> OkxRestTestServer.listed(BTC,
                entries(trades.subList(0, lastMissed))));
             OkxTestServer server = OkxTestServer.start((s, message) -> {
                 if (message.equals("ping")) {
                     s.pong();
                     return;
                 }
                 s.ackAll(message);
                 if (s.number() == 1) {
                     s.send(OkxTestServer.trades(BTC, entry(oldRepeat))); // the latest trade, 25 s old
                     firstFrames.forEach(s::send);
                     s.closeWith(1001, "restart");
                 } else {
                     s.send(OkxTestServer.trades(BTC, entry(missed.get(missed.size() - 1)))); // the repeat
                     secondFrames.forEach(s::send);
                 }
             })) {
            List<Bar> expected = ExpectedBars.of(BTC, trades, MINUTE,
                    trades.get(trades.size() - 1).trade().time().minus(LATENESS));
            LiveBars.Counts counts = new LiveBars.Counts(copies[0] + 1 + 6, 0, 1);
            Run run = run(server, rest, List.of(BTC), expected.size(), counts);

            assertThat(run.bars()).isEqualTo(expected);
            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(run.counts()).isEqualTo(counts);
            assertThat(run.feed().gapTrades()).isEqualTo(100);
            assertThat(run.feed().unfilledGaps()).isZero();
            assertThat(rest.requests()).containsExactly("/api/v5/market/trades?instId=" + BTC + "&limit=500");
            assertThat(run.out()).contains("Fetched 100 trades of " + BTC + " after trade "
                    + newestOfFirst.tradeId() + " over REST\n");
            assertThat(copies[0]).isGreaterThan(100);
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void anInstrumentRefusedOnReconnectStopsAloneAndTheOtherKeepsItsBars() throws Exception {
        List<ExpectedBars.Numbered> trades = trades(400);
        List<ExpectedBars.Numbered> before = trades.subList(0, 200);
        List<ExpectedBars.Numbered> after = trades.subList(200, trades.size());
        try (OkxRestTestServer rest = OkxRestTestServer.start(() -> OkxRestTestServer.listed(BTC,
                entries(before)));
             OkxTestServer server = OkxTestServer.start((s, message) -> {
                 if (message.equals("ping")) {
                     s.pong();
                     return;
                 }
                 if (s.number() == 1) {
                     s.ackAll(message);
                     s.send(OkxTestServer.trades(ETH, new String[] {"5", "2000", "1", "buy",
                             Long.toString(T.toEpochMilli())}));
                     s.send(OkxTestServer.trades(BTC, entry(new ExpectedBars.Numbered("0", 1,
                             new Trade(T.minusSeconds(3), 29_000, 1)))));
                     entries(before).forEach(e -> s.send(OkxTestServer.trades(BTC, e)));
                     s.closeWith(1001, "restart");
                 } else {
                     s.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"" + BTC + "\"},"
                             + "\"connId\":\"" + s.connId() + "\"}");
                     s.send("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"channel not found\",\"arg\":{"
                             + "\"channel\":\"trades\",\"instId\":\"" + ETH + "\"},\"connId\":\"" + s.connId() + "\"}");
                     entries(after).forEach(e -> s.send(OkxTestServer.trades(BTC, e)));
                 }
             })) {
            List<Bar> expected = ExpectedBars.of(BTC, trades, MINUTE,
                    trades.get(trades.size() - 1).trade().time().minus(LATENESS));
            Run run = run(server, rest, List.of(BTC, ETH), expected.size(), new LiveBars.Counts(0, 0, 2));

            assertThat(run.bars()).isEqualTo(expected);
            assertThat(run.feed().allStopped()).isFalse();
            assertThat(run.feed().stopReasons()).isEqualTo("OKX refused the subscription to trades of " + ETH
                    + " (60018: channel not found): check paper_trading.symbols");
            assertThat(run.out()).contains("OKX refused the subscription to trades of " + ETH
                    + " (60018: channel not found): check paper_trading.symbols; going on with the other symbols\n");
            // The first push of each instrument is OKX's repeat: BTC's "0" and ETH's only trade open no bar.
            assertThat(run.counts()).isEqualTo(new LiveBars.Counts(0, 0, 2));
            assertThat(run.feed().gapTrades()).isZero();
            assertThat(server.failures()).isEmpty();
        }
    }

    private record Run(List<Bar> bars, LiveBars.Counts counts, LiveFeed feed, String out) {
    }

    /**
     * Streams until {@code bars} bars are complete and the counts are {@code counts} (or 20 s passed), then closes:
     * the frames after the last bar's closing trade (duplicates among them) may still be on their way.
     */
    private static Run run(OkxTestServer server, OkxRestTestServer rest, List<String> symbols, int bars,
                           LiveBars.Counts counts) throws Exception {
        LiveBars live = new LiveBars(symbols, MINUTE, LATENESS);
        List<Bar> completed = new CopyOnWriteArrayList<>();
        StringWriter out = new StringWriter();
        LiveFeed feed = new LiveFeed(live, new OkxRestTrades(rest.uri(), HttpClient.newHttpClient(),
                new ObjectMapper(), Duration.ofSeconds(5)), completed::add, new PrintWriter(out, true), symbols);
        OkxStreamSettings settings = OkxStreamSettings.of(server.endpoints(),
                symbols.stream().map(OkxArg::trades).toList()).withBackoff(QUICK);
        try (OkxMarketStream stream = new OkxMarketStream(settings, feed)) {
            stream.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((completed.size() < bars || !live.counts().equals(counts)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // anything still coming would show as an extra bar or count
        }
        return new Run(List.copyOf(completed), live.counts(), feed, out.toString());
    }

    /** {@code n} trades from 12:00, ids from 1, a quarter sharing a millisecond, sizes in 64ths (exact sums). */
    private List<ExpectedBars.Numbered> trades(int n) {
        List<ExpectedBars.Numbered> out = new ArrayList<>();
        long millis = 0;
        for (int id = 1; id <= n; id++) {
            millis += random.nextInt(4) == 0 ? 0 : random.nextInt(1_200);
            out.add(new ExpectedBars.Numbered(Integer.toString(id), 1, new Trade(T.plusMillis(millis),
                    30_000 + random.nextInt(400) / 4.0, (1 + random.nextInt(100)) / 64.0)));
        }
        return out;
    }

    /**
     * The trades in frames of up to 3, each one late by up to 1.5 s of event time (within the 2 s allowed) and one
     * in five sent twice; {@code copies[0]} counts the second sendings.
     */
    private List<String> frames(String instId, List<ExpectedBars.Numbered> trades, int[] copies) {
        record Delivery(double at, ExpectedBars.Numbered trade) {
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (ExpectedBars.Numbered t : trades) {
            long time = t.trade().time().toEpochMilli();
            deliveries.add(new Delivery(time + random.nextDouble() * 1_500, t));
            if (random.nextInt(5) == 0) {
                deliveries.add(new Delivery(time + random.nextDouble() * 1_500, t));
                copies[0]++;
            }
        }
        deliveries.sort(Comparator.comparingDouble(Delivery::at));
        List<String> frames = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += 3) {
            frames.add(OkxTestServer.trades(instId, deliveries.subList(from, Math.min(from + 3, deliveries.size()))
                    .stream().map(d -> entry(d.trade())).toArray(String[][]::new)));
        }
        return frames;
    }

    private static List<String[]> entries(List<ExpectedBars.Numbered> trades) {
        return trades.stream().map(OkxLiveFeedTest::entry).toList();
    }

    private static String[] entry(ExpectedBars.Numbered t) {
        return new String[] {t.tradeId(), BigDecimal.valueOf(t.trade().price()).toPlainString(),
                BigDecimal.valueOf(t.trade().amount()).toPlainString(), "buy",
                Long.toString(t.trade().time().toEpochMilli())};
    }
}
