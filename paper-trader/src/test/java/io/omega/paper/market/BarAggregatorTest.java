package io.omega.paper.market;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarAggregatorTest {

    private static final Instant T = Instant.parse("2013-11-25T00:00:00Z");

    @Test
    void tradesBecomeMinuteBarsAlignedToTheMinuteAndAnEmptyMinuteIsAGap() {
        BarAggregator bars = new BarAggregator("BTC-USD", Duration.ofMinutes(1));
        List<Bar> out = new ArrayList<>();
        for (Trade t : List.of(new Trade(T.plusSeconds(5), 100, 1), new Trade(T.plusSeconds(20), 103, 2),
                new Trade(T.plusSeconds(59), 99, 0.5), new Trade(T.plusSeconds(61), 101, 1),
                new Trade(T.plusSeconds(185), 104, 3))) {
            bars.add(t).ifPresent(out::add);
        }
        bars.flush().ifPresent(out::add);
        assertThat(out).containsExactly(
                new Bar("BTC-USD", T, 100, 103, 99, 99, 3.5, 3),
                new Bar("BTC-USD", T.plusSeconds(60), 101, 101, 101, 101, 1, 1),
                new Bar("BTC-USD", T.plusSeconds(180), 104, 104, 104, 104, 3, 1));
        assertThat(bars.flush()).isEmpty();
    }

    @Test
    void tradesOutOfOrderAreRefused() {
        BarAggregator bars = new BarAggregator("BTC-USD", Duration.ofMinutes(1));
        bars.add(new Trade(T.plusSeconds(10), 100, 1));
        assertThatThrownBy(() -> bars.add(new Trade(T, 100, 1)))
                .hasMessage("trades must come in time order: 2013-11-25T00:00:00Z after 2013-11-25T00:00:10Z");
    }

    @Test
    void theBundledRealTradesLoadAndAggregate() {
        List<Trade> trades = BundledBitstampTrades.load();
        assertThat(trades).hasSize(100_000);
        assertThat(trades.get(0)).isEqualTo(new Trade(Instant.ofEpochSecond(1385337600L), 800.01, 0.1));
        BarAggregator aggregator = new BarAggregator("BTC-USD", Duration.ofMinutes(1));
        List<Bar> bars = new ArrayList<>();
        trades.forEach(t -> aggregator.add(t).ifPresent(bars::add));
        aggregator.flush().ifPresent(bars::add);
        assertThat(bars.stream().mapToInt(Bar::trades).sum()).isEqualTo(100_000);
        assertThat(bars.get(0).start()).isEqualTo(T);
        assertThat(bars.get(0).open()).isEqualTo(800.01);
        assertThat(bars).allSatisfy(b -> assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close())));
        // a little over six and a half days of minutes, fewer where no trade happened
        assertThat(bars).hasSize(9_399);
        assertThat(bars.get(bars.size() - 1).start()).isAfter(Instant.parse("2013-12-01T00:00:00Z"));
    }

    @Test
    void aMalformedLineIsNamed() {
        var reader = new java.io.BufferedReader(new java.io.StringReader("timestamp,price,amount\n1385337600,800.0,0.1\n"
                + "1385337613,abc,0.2\n"));
        assertThatThrownBy(() -> BundledBitstampTrades.parse(reader)).hasMessageStartingWith(
                "bitstamp_trades_from_20131125_usd.csv line 3 ('1385337613,abc,0.2'): ");
    }
}
