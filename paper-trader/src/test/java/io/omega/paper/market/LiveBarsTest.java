package io.omega.paper.market;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveBarsTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LATENESS = Duration.ofSeconds(2);
    private static final String BTC = "BTC-USDT-SWAP";

    private final LiveBars live = new LiveBars(List.of(BTC, "ETH-USDT-SWAP"), MINUTE, LATENESS);
    private final List<Bar> out = new ArrayList<>();

    private void add(String symbol, long id, long millisAfterT, double price, double size) {
        out.addAll(live.add(symbol, Long.toString(id), 1, new Trade(T.plusMillis(millisAfterT), price, size)));
    }

    @Test
    void aBarWaitsTheAllowedLatenessForTradesOfItsMinuteThenDropsAndCountsLaterOnes() {
        add(BTC, 1, 1_000, 100, 1);
        add(BTC, 3, 59_500, 102, 2);
        add(BTC, 4, 61_000, 103, 1);   // next minute, but within 2 s of the first one's end: it stays open
        add(BTC, 2, 30_000, 99, 4);    // late, its minute still open: counted where it happened
        assertThat(out).isEmpty();
        add(BTC, 5, 62_000, 104, 1);   // the watermark reaches 12:01:00: the first minute is complete
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 102, 99, 102, 7, 3));
        add(BTC, 6, 59_999, 500, 9);   // for a bar handed on: dropped and counted
        add(BTC, 7, 121_999, 105, 1);  // watermark 12:01:59.999: the second minute stays open
        assertThat(out).hasSize(1);
        add(BTC, 8, 122_000, 106, 1);
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 102, 99, 102, 7, 3),
                new Bar(BTC, T.plus(MINUTE), 103, 104, 103, 104, 2, 2));
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(0, 1, 0));
    }

    @Test
    void aTradeSeenBeforeCountsOnceByItsIdEvenWithAnotherSeveralInItsMillisecond() {
        // Four distinct trades in one millisecond (as OKX has), each delivered twice, the copies out of order.
        long[][] trades = {{10, 100}, {11, 101}, {12, 99}, {13, 100}};
        for (long[] t : trades) {
            add(BTC, t[0], 5_000, t[1], 1);
        }
        for (int i = trades.length - 1; i >= 0; i--) {
            add(BTC, trades[i][0], 5_000, trades[i][1], 1);
        }
        add(BTC, 14, 62_000, 98, 1);
        // Open and close are the lowest and highest id of the millisecond, whatever the arrival order.
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 101, 99, 100, 4, 4));
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(4, 0, 0));
    }

    @Test
    void anAggregatedEntryCoversTheSingleFillsOfItsIdRange() {
        // OKX's trades channel: one entry for fills 101..103 under id 103; its REST API lists them one by one.
        out.addAll(live.add(BTC, "103", 3, new Trade(T.plusSeconds(5), 100, 3)));
        for (int id = 101; id <= 104; id++) {
            out.addAll(live.add(BTC, Integer.toString(id), 1, new Trade(T.plusSeconds(id == 104 ? 6 : 5),
                    id == 104 ? 101 : 100, 1)));
        }
        add(BTC, 105, 62_000, 98, 1);
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 101, 100, 101, 4, 4));
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(3, 0, 0));
    }

    @Test
    void theRepeatOnSubscriptionNeverOpensABarButJoinsAnOpenOneAndIsNotCountedTwice() {
        // At start-up: OKX's latest trade, 25 s old, in the minute before: no bar for it.
        out.addAll(live.addRepeat(BTC, "50", 1, new Trade(T.minusSeconds(25), 90, 5)));
        add(BTC, 51, 1_000, 100, 1);
        add(BTC, 53, 40_000, 101, 1);
        // After a reconnect: a repeat missed so far, in the open minute, counts; a repeat seen already does not.
        out.addAll(live.addRepeat(BTC, "52", 1, new Trade(T.plusSeconds(20), 97, 2)));
        out.addAll(live.addRepeat(BTC, "53", 1, new Trade(T.plusSeconds(40), 101, 1)));
        // The first repeat again, as a gap fill would bring it: it was remembered, so not counted either.
        add(BTC, 50, -25_000, 90, 5);
        add(BTC, 54, 65_000, 102, 1);
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 101, 97, 101, 4, 3));
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(2, 0, 1));
        assertThat(live.newestTradeId(BTC)).isEqualTo("54");
    }

    @Test
    void eachSymbolHasItsOwnWatermark() {
        add(BTC, 1, 1_000, 100, 1);
        add("ETH-USDT-SWAP", 1, 2_000, 10, 5);
        add(BTC, 2, 62_000, 101, 1);
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 100, 100, 100, 1, 1));
        add("ETH-USDT-SWAP", 2, 30_000, 11, 1); // BTC's watermark is not ETH's: still in time
        add("ETH-USDT-SWAP", 3, 65_000, 12, 1);
        assertThat(out).containsExactly(new Bar(BTC, T, 100, 100, 100, 100, 1, 1),
                new Bar("ETH-USDT-SWAP", T, 10, 11, 10, 11, 6, 2));
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(0, 0, 0));
    }

    @Test
    void reorderedAndDuplicatedTradesGiveTheBarsOfTheDistinctTrades() {
        SplittableRandom random = new SplittableRandom(16);
        List<ExpectedBars.Numbered> distinct = new ArrayList<>();
        long millis = 0;
        for (int id = 1; id <= 6_000; id++) {
            millis += random.nextInt(4) == 0 ? 0 : random.nextInt(1_500); // a quarter share a millisecond
            // Sizes in 64ths: sums are exact in any order, so bars compare exactly.
            distinct.add(new ExpectedBars.Numbered(Integer.toString(id), 1, new Trade(T.plusMillis(millis),
                    30_000 + random.nextInt(2_000) / 4.0, (1 + random.nextInt(200)) / 64.0)));
        }
        // Every trade arrives up to 1.5 s of event time late (within the 2 s allowed), one in five twice.
        record Delivery(double at, ExpectedBars.Numbered trade) {
        }
        List<Delivery> deliveries = new ArrayList<>();
        int copies = 0;
        for (ExpectedBars.Numbered t : distinct) {
            long time = t.trade().time().toEpochMilli();
            deliveries.add(new Delivery(time + random.nextDouble() * 1_500, t));
            if (random.nextInt(5) == 0) {
                deliveries.add(new Delivery(time + random.nextDouble() * 1_500, t));
                copies++;
            }
        }
        deliveries.sort(Comparator.comparingDouble(Delivery::at));
        long reordered = 0;
        Instant newest = Instant.MIN;
        for (Delivery d : deliveries) {
            if (d.trade().trade().time().isBefore(newest)) {
                reordered++;
            }
            newest = newest.isAfter(d.trade().trade().time()) ? newest : d.trade().trade().time();
            out.addAll(live.add(BTC, d.trade().tradeId(), 1, d.trade().trade()));
        }

        List<Bar> expected = ExpectedBars.of(BTC, distinct, MINUTE, newest.minus(LATENESS));
        assertThat(reordered).isGreaterThan(1_000);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(out).isEqualTo(expected);
        assertThat(live.counts()).isEqualTo(new LiveBars.Counts(copies, 0, 0));
    }

    @Test
    void aTradeOfAnotherSymbolIsRefusedByName() {
        assertThatThrownBy(() -> live.add("DOGE-USDT", "1", 1, new Trade(T, 1, 1)))
                .hasMessage("a trade of 'DOGE-USDT', for which no bars are built (symbols: [BTC-USDT-SWAP, "
                        + "ETH-USDT-SWAP])");
        assertThatThrownBy(() -> new LiveBars(List.of(), MINUTE, LATENESS))
                .hasMessage("live bars need at least one symbol");
        assertThatThrownBy(() -> new LiveBars(List.of(BTC), MINUTE, Duration.ofMillis(-1)))
                .hasMessage("the allowed lateness must be >= 0, got PT-0.001S");
    }
}
