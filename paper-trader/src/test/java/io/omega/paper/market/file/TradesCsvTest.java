package io.omega.paper.market.file;

import io.omega.paper.market.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradesCsvTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void tradesBecomeOneMinuteBarsByDefault() throws IOException {
        Path file = write("trades.csv", """
                timestamp,price,amount
                1704067200,100,1
                1704067210,102,0.5
                1704067250,99,2
                1704067259,101,1
                1704067260,101.5,3
                1704067440,100,1
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).containsExactly(new Bar("BTC-USD", T0, 100, 102, 99, 101, 4.5, 4),
                new Bar("BTC-USD", T0.plusSeconds(60), 101.5, 101.5, 101.5, 101.5, 3, 1),
                new Bar("BTC-USD", T0.plusSeconds(240), 100, 100, 100, 100, 1, 1));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(1));
        assertThat(market.report()).isEqualTo("Loaded trades.csv (trades as CSV, timestamps in epoch seconds, "
                + "aggregated to bars of 1 minute): 3 bars of 1 minute, 2024-01-01T00:00:00Z .. 2024-01-01T00:04:00Z; "
                + "1 gap, 2 bars missing: 2024-01-01T00:01:00Z -> 2024-01-01T00:04:00Z (2 missing); no duplicates");
    }

    @Test
    void aBarLengthAskedForAndMillisecondsWithSideAndTradeId() throws IOException {
        Path file = write("t.csv", """
                time,price,amount,side,trade_id
                1704067200000,100,1,buy,1
                1704067230500,102,1,SELL,2
                1704067230500,102,1,SELL,2
                1704067500000,101,2,buy,3
                """);

        FileMarket market = MarketFiles.load(file, "X", Duration.ofMinutes(5));

        assertThat(market.bars("X")).containsExactly(new Bar("X", T0, 100, 102, 100, 102, 2, 2),
                new Bar("X", T0.plusSeconds(300), 101, 101, 101, 101, 2, 1));
        assertThat(market.findings()).isEqualTo(new SeriesReport(0, 0, List.of(), 1, List.of("line 4 repeats line 3")));
        assertThat(market.format()).isEqualTo("trades as CSV, timestamps in epoch milliseconds, aggregated to bars of "
                + "5 minutes");
    }

    @Test
    void microsecondsAndIsoTimestamps() throws IOException {
        assertThat(MarketFiles.load(write("us.csv", "timestamp,price,amount\n1704067200123456,10,1\n"), "X")
                .bars("X")).containsExactly(new Bar("X", T0, 10, 10, 10, 10, 1, 1));
        assertThat(MarketFiles.load(write("iso.csv", "date,price,amount\n2024-01-01T00:00:59.5Z,10,1\n"), "X")
                .format()).isEqualTo("trades as CSV, timestamps in ISO-8601, aggregated to bars of 1 minute");
    }

    @Test
    void aRepeatedTradeIdWithDifferentValuesStopsTheLoadNamingBothLines() throws IOException {
        Path file = write("t.csv", "timestamp,price,amount,trade_id\n1704067200,100,1,7\n1704067201,100,2,7\n");

        assertThatThrownBy(() -> MarketFiles.load(file, "X"))
                .hasMessage("t.csv line 3, field 'trade_id': '7' repeats line 2 with different values");
    }

    @Test
    void badRowsAreNamedByFileLineAndField() throws IOException {
        assertThatThrownBy(() -> MarketFiles.load(write("p.csv", "timestamp,price,amount\n1704067200,1O0,1\n"), "X"))
                .hasMessage("p.csv line 2, field 'price': expected a number, got '1O0'");
        assertThatThrownBy(() -> MarketFiles.load(write("z.csv", "timestamp,price,amount\n1704067200,0,1\n"), "X"))
                .hasMessage("z.csv line 2, field 'price': must be positive and finite, got 0.0");
        assertThatThrownBy(() -> MarketFiles.load(write("a.csv", "timestamp,price,amount\n1704067200,10,-1\n"), "X"))
                .hasMessage("a.csv line 2, field 'amount': must be >= 0 and finite, got -1.0");
        assertThatThrownBy(() -> MarketFiles.load(write("s.csv", "timestamp,price,amount,side\n1704067200,10,1,long\n"),
                "X")).hasMessage("s.csv line 2, field 'side': expected buy or sell, got 'long'");
        assertThatThrownBy(() -> MarketFiles.load(write("o.csv", "timestamp,price,amount\n1704067200,10,1\n"
                + "1704067199,10,1\n"), "X")).hasMessage("o.csv line 3: timestamp 2023-12-31T23:59:59Z is before "
                + "2024-01-01T00:00:00Z of line 2: rows must be in time order");
        assertThatThrownBy(() -> MarketFiles.load(write("e.csv", "timestamp,price,amount\n"), "X"))
                .hasMessage("e.csv: a header and no rows");
    }
}
