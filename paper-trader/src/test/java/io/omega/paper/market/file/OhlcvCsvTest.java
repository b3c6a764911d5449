package io.omega.paper.market.file;

import io.omega.paper.market.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OhlcvCsvTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static Bar bar(int minute, double o, double h, double l, double c, double v) {
        return new Bar("BTC-USD", T0.plus(Duration.ofMinutes(minute)), o, h, l, c, v, 0);
    }

    @Test
    void epochMillisecondsWithAHeaderGiveExactBarsAndTheirLengthFromTheData() throws IOException {
        Path file = write("prices.csv", """
                timestamp,open,high,low,close,volume
                1704067200000,100,101,99,100.5,10
                1704067260000,100.5,102,100,101,12.5
                1704067320000,101,101.5,100.5,101.2,3
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).containsExactly(bar(0, 100, 101, 99, 100.5, 10),
                bar(1, 100.5, 102, 100, 101, 12.5), bar(2, 101, 101.5, 100.5, 101.2, 3));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(1));
        assertThat(market.report()).isEqualTo("Loaded prices.csv (OHLCV candles as CSV with a header, timestamps in "
                + "epoch milliseconds): 3 bars of 1 minute, 2024-01-01T00:00:00Z .. 2024-01-01T00:02:00Z; no gaps; "
                + "no duplicates");
        assertThat(market.description()).isEqualTo("bars of 1 minute from prices.csv");
    }

    @Test
    void epochSecondsWithColumnsInAnyOrderAndCaseAndExtraColumns() throws IOException {
        Path file = write("s.csv", """
                Volume,Close,Low,High,Open,TIME,symbol
                1,10,9,11,10,1704067200,X
                2,12,10,12,10,1704067500,X
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).containsExactly(bar(0, 10, 11, 9, 10, 1), bar(5, 10, 12, 10, 12, 2));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(5));
        assertThat(market.format()).isEqualTo("OHLCV candles as CSV with a header, timestamps in epoch seconds");
    }

    @Test
    void isoTimestampsWithAnOffsetWithASpaceOrWithoutAZone() throws IOException {
        Path file = write("iso.csv", """
                date,open,high,low,close,volume
                2024-01-01T00:00:00Z,10,11,9,10,1
                2024-01-01 01:00:00+00:00,10,11,9,10,1
                2024-01-01T03:00:00+01:00,10,11,9,10,1
                2024-01-01T03:00:00,10,11,9,10,1
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).extracting(Bar::start).containsExactly(T0, T0.plusSeconds(3600),
                T0.plusSeconds(7200), T0.plusSeconds(10800));
        assertThat(market.barLength()).isEqualTo(Duration.ofHours(1));
        assertThat(market.format()).isEqualTo("OHLCV candles as CSV with a header, timestamps in ISO-8601");
    }

    @Test
    void headerlessSixFieldsAreTimestampOpenHighLowCloseVolume() throws IOException {
        Path file = write("plain.csv", "1704067200000,10,11,9,10,1\n1704067260000,10,12,10,12,2\n");

        FileMarket market = MarketFiles.load(file, "ETH-USD");

        assertThat(market.bars("ETH-USD")).containsExactly(
                new Bar("ETH-USD", T0, 10, 11, 9, 10, 1, 0), new Bar("ETH-USD", T0.plusSeconds(60), 10, 12, 10, 12, 2, 0));
        assertThat(market.format()).isEqualTo("OHLCV candles as CSV without a header, timestamps in epoch milliseconds");
    }

    @Test
    void binanceKlinesWithoutAHeaderInMicroseconds() throws IOException {
        Path file = write("BTCUSDT-1m-2025-01-01.csv", """
                1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768978.6,1890,3.9,365101.4,0
                1735689660000000,93610.93,93652.00,93606.60,93651.99,12.4,1735689719999999,1161003.0,2111,6.1,571234.2,0
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USDT");

        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(market.bars("BTC-USDT")).containsExactly(
                new Bar("BTC-USDT", start, 93576.00, 93610.93, 93537.50, 93610.93, 8.21827, 0),
                new Bar("BTC-USDT", start.plusSeconds(60), 93610.93, 93652.00, 93606.60, 93651.99, 12.4, 0));
        assertThat(market.format()).isEqualTo("Binance klines as CSV without a header, timestamps in epoch microseconds");
    }

    @Test
    void binanceKlinesWithTheirHeaderInMilliseconds() throws IOException {
        Path file = write("ETHUSDT-5m.csv", """
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1704067200000,2281.87,2285.00,2280.50,2283.10,101.5,1704067499999,231000.1,900,50.2,114000.3,0
                1704067500000,2283.10,2284.00,2279.00,2280.00,88.25,1704067799999,201000.7,850,40.1,91000.9,0
                """);

        FileMarket market = MarketFiles.load(file, "ETH-USDT");

        assertThat(market.bars("ETH-USDT")).containsExactly(
                new Bar("ETH-USDT", T0, 2281.87, 2285.00, 2280.50, 2283.10, 101.5, 0),
                new Bar("ETH-USDT", T0.plusSeconds(300), 2283.10, 2284.00, 2279.00, 2280.00, 88.25, 0));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(5));
        assertThat(market.format()).isEqualTo("Binance klines as CSV with a header, timestamps in epoch milliseconds");
    }

    @Test
    void gapsAndIdenticalDuplicatesAreCountedInTheReportLine() throws IOException {
        Path file = write("gappy.csv", """
                time,open,high,low,close,volume
                1704067200,10,11,9,10,1
                1704067260,10,11,9,10,1
                1704067260,10,11,9,10,1
                1704067440,10,11,9,10,1
                1704067500,10,11,9,10,1
                1704067680,10,11,9,10,1
                """);

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).extracting(Bar::start).containsExactly(T0, T0.plusSeconds(60),
                T0.plusSeconds(240), T0.plusSeconds(300), T0.plusSeconds(480));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(1));
        assertThat(market.findings()).isEqualTo(new SeriesReport(2, 4, java.util.List.of(
                "2024-01-01T00:01:00Z -> 2024-01-01T00:04:00Z (2 missing)",
                "2024-01-01T00:05:00Z -> 2024-01-01T00:08:00Z (2 missing)"), 1, java.util.List.of("line 4 repeats line 3")));
        assertThat(market.report()).isEqualTo("Loaded gappy.csv (OHLCV candles as CSV with a header, timestamps in epoch "
                + "seconds): 5 bars of 1 minute, 2024-01-01T00:00:00Z .. 2024-01-01T00:08:00Z; 2 gaps, 4 bars missing: "
                + "2024-01-01T00:01:00Z -> 2024-01-01T00:04:00Z (2 missing), 2024-01-01T00:05:00Z -> "
                + "2024-01-01T00:08:00Z (2 missing); 1 identical duplicate row dropped: line 4 repeats line 3");
    }

    @Test
    void moreThanThreeGapsShowTheFirstThree() throws IOException {
        StringBuilder rows = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int minute : new int[] {0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 14}) {
            rows.append(1704067200 + minute * 60).append(",10,11,9,10,1\n");
        }

        FileMarket market = MarketFiles.load(write("many.csv", rows.toString()), "BTC-USD");

        assertThat(market.findings().line()).isEqualTo("4 gaps, 4 bars missing: 2024-01-01T00:01:00Z -> "
                + "2024-01-01T00:03:00Z (1 missing), 2024-01-01T00:04:00Z -> 2024-01-01T00:06:00Z (1 missing), "
                + "2024-01-01T00:07:00Z -> 2024-01-01T00:09:00Z (1 missing), ...; no duplicates");
    }

    @Test
    void aDuplicateTimestampWithDifferentValuesStopsTheLoadNamingBothLines() throws IOException {
        Path file = write("dup.csv", """
                timestamp,open,high,low,close,volume
                1704067200000,10,11,9,10,1
                1704067260000,10,11,9,10,1
                1704067260000,10,11,9,10.5,1
                """);

        assertThatThrownBy(() -> MarketFiles.load(file, "BTC-USD")).isInstanceOf(MarketFileException.class)
                .hasMessage("dup.csv line 4: timestamp 2024-01-01T00:01:00Z repeats line 3 with different values");
    }

    @Test
    void aRowOutOfTimeOrderStopsTheLoad() throws IOException {
        Path file = write("order.csv", """
                timestamp,open,high,low,close,volume
                1704067260000,10,11,9,10,1
                1704067200000,10,11,9,10,1
                """);

        assertThatThrownBy(() -> MarketFiles.load(file, "BTC-USD")).hasMessage("order.csv line 3: timestamp "
                + "2024-01-01T00:00:00Z is before 2024-01-01T00:01:00Z of line 2: rows must be in time order");
    }

    @Test
    void aFieldThatIsNotANumberIsNamedWithFileAndLine() throws IOException {
        Path file = write("prices.csv", """
                timestamp,open,high,low,close,volume
                1704067200000,10,11,9,10,1
                1704067260000,10,abc,9,10,1
                """);

        assertThatThrownBy(() -> MarketFiles.load(file, "BTC-USD"))
                .hasMessage("prices.csv line 3, field 'high': expected a number, got 'abc'");
    }

    @Test
    void pricesThatDoNotMakeACandleAreRefused() throws IOException {
        assertThatThrownBy(() -> MarketFiles.load(write("h.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,10.5,9,11,1\n"), "X"))
                .hasMessage("h.csv line 2, field 'high': 10.5 is below max(open, close) = 11.0");
        assertThatThrownBy(() -> MarketFiles.load(write("l.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,12,10.5,11,1\n"), "X"))
                .hasMessage("l.csv line 2, field 'low': 10.5 is above min(open, close) = 10.0");
        assertThatThrownBy(() -> MarketFiles.load(write("p.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,-1,12,-2,11,1\n"), "X"))
                .hasMessage("p.csv line 2, field 'open': must be positive and finite, got -1.0");
        assertThatThrownBy(() -> MarketFiles.load(write("n.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,Infinity,9,11,1\n"), "X"))
                .hasMessage("n.csv line 2, field 'high': expected a number, got 'Infinity'");
        assertThatThrownBy(() -> MarketFiles.load(write("v.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,12,9,11,-3\n"), "X"))
                .hasMessage("v.csv line 2, field 'volume': must be >= 0 and finite, got -3.0");
    }

    @Test
    void badTimestampsAndMixedUnitsAreNamed() throws IOException {
        assertThatThrownBy(() -> MarketFiles.load(write("t.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10,1\nyesterday,10,11,9,10,1\n"), "X"))
                .hasMessage("t.csv line 3, field 'timestamp': expected a timestamp (epoch seconds, milliseconds or "
                        + "microseconds, or ISO-8601), got 'yesterday'");
        assertThatThrownBy(() -> MarketFiles.load(write("u.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10,1\n1704067260,10,11,9,10,1\n"), "X"))
                .hasMessage("u.csv line 3, field 'timestamp': '1704067260' is in epoch seconds, but this file's "
                        + "timestamps are in epoch milliseconds (from line 2)");
    }

    @Test
    void layoutProblemsAreNamed() throws IOException {
        assertThatThrownBy(() -> MarketFiles.load(write("w.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10\n"), "X"))
                .hasMessage("w.csv line 2: expected 6 fields, got 5");
        assertThatThrownBy(() -> MarketFiles.load(write("c.csv", "timestamp,open,high,low,close\n"
                + "1704067200000,10,11,9,10\n"), "X"))
                .hasMessage("c.csv line 1: no column 'volume' in the header [timestamp, open, high, low, close]");
        assertThatThrownBy(() -> MarketFiles.load(write("f.csv", "1704067200000,10,11,9\n"), "X"))
                .hasMessage("f.csv line 1: no header and 4 fields: expected a header naming the columns (trades always "
                        + "need one), 6 fields (timestamp, open, high, low, close, volume) or Binance's 12 kline fields");
        assertThatThrownBy(() -> MarketFiles.load(write("b.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10,1\n\n1704067260000,10,11,9,10,1\n"), "X"))
                .hasMessage("b.csv line 3: empty line before more rows (line 4)");
        assertThatThrownBy(() -> MarketFiles.load(write("o.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10,1\n1704067230000,10,11,9,10,1\n1704067290000,10,11,9,10,1\n"
                + "1704067350000,10,11,9,10,1\n"), "X"))
                .hasMessage("o.csv line 3: starts 30 seconds after line 2, less than the bar length of 1 minute (the "
                        + "median step of this file): candles must not overlap");
        assertThatThrownBy(() -> MarketFiles.load(write("one.csv", "timestamp,open,high,low,close,volume\n"
                + "1704067200000,10,11,9,10,1\n"), "X"))
                .hasMessage("one.csv: 1 candle(s): at least 2 are needed to tell the bar length");
    }

    @Test
    void aBarLengthIsForTradesOnly() throws IOException {
        Path file = write("prices.csv", "timestamp,open,high,low,close,volume\n1704067200000,10,11,9,10,1\n"
                + "1704067260000,10,11,9,10,1\n");

        assertThatThrownBy(() -> MarketFiles.load(file, "X", Duration.ofMinutes(5))).hasMessage("prices.csv: a bar "
                + "length applies to trades only; these candles are 1 minute long, as their timestamps show");
    }
}
