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

class FreqtradeJsonTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void freqtradeCandlesInMillisecondsGiveExactBars() throws IOException {
        Path file = write("BTC_USDT-5m.json", "[[1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68],"
                + "[1704067500000,42475.23,42500,42400.1,42410,300],[1704067800000,42410,42420,42390,42400,0.5]]");

        FileMarket market = MarketFiles.load(file, "BTC/USDT");

        assertThat(market.bars("BTC/USDT")).containsExactly(
                new Bar("BTC/USDT", T0, 42283.58, 42554.57, 42261.02, 42475.23, 1271.68, 0),
                new Bar("BTC/USDT", T0.plusSeconds(300), 42475.23, 42500, 42400.1, 42410, 300, 0),
                new Bar("BTC/USDT", T0.plusSeconds(600), 42410, 42420, 42390, 42400, 0.5, 0));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(5));
        assertThat(market.report()).isEqualTo("Loaded BTC_USDT-5m.json (freqtrade candles as JSON, timestamps in epoch "
                + "milliseconds): 3 bars of 5 minutes, 2024-01-01T00:00:00Z .. 2024-01-01T00:10:00Z; no gaps; "
                + "no duplicates");
    }

    @Test
    void secondsAreToldApartByMagnitude() throws IOException {
        Path file = write("s.json", "[\n[1704067200, 10, 11, 9, 10, 1],\n[1704070800, 10, 11, 9, 10, 1]\n]\n");

        FileMarket market = MarketFiles.load(file, "X");

        assertThat(market.bars("X")).extracting(Bar::start).containsExactly(T0, T0.plusSeconds(3600));
        assertThat(market.format()).isEqualTo("freqtrade candles as JSON, timestamps in epoch seconds");
    }

    @Test
    void gapsAndDuplicatesAreReported() throws IOException {
        Path file = write("g.json", "[\n[1704067200000,10,11,9,10,1],\n[1704067200000,10,11,9,10,1],\n"
                + "[1704067260000,10,11,9,10,1],\n[1704067500000,10,11,9,10,1],\n[1704067560000,10,11,9,10,1]\n]");

        FileMarket market = MarketFiles.load(file, "X");

        assertThat(market.findings()).isEqualTo(new SeriesReport(1, 3,
                List.of("2024-01-01T00:01:00Z -> 2024-01-01T00:05:00Z (3 missing)"), 1,
                List.of("line 3 (candle 2) repeats line 2 (candle 1)")));
    }

    @Test
    void aValueThatIsNotANumberIsNamedByLineCandleAndField() throws IOException {
        Path file = write("bad.json", "[\n[1704067200000,10,11,9,10,1],\n[1704067260000,10,\"abc\",9,10,1]\n]");

        assertThatThrownBy(() -> MarketFiles.load(file, "X"))
                .hasMessage("bad.json line 3 (candle 2), field 'high': expected a number, got 'abc'");
    }

    @Test
    void structuralProblemsAreNamed() throws IOException {
        assertThatThrownBy(() -> MarketFiles.load(write("short.json", "[[1704067200000,10,11,9,10]]"), "X"))
                .hasMessage("short.json line 1 (candle 1): expected 6 values (timestamp, open, high, low, close, "
                        + "volume), got 5");
        assertThatThrownBy(() -> MarketFiles.load(write("low.json", "[[1704067200000,10,11,10.5,10,1]]"), "X"))
                .hasMessage("low.json line 1 (candle 1), field 'low': 10.5 is above min(open, close) = 10.0");
        assertThatThrownBy(() -> MarketFiles.load(write("obj.json", "[{\"t\": 1}]"), "X"))
                .hasMessage("obj.json line 1 (candle 1): expected a candle [timestamp, open, high, low, close, volume], "
                        + "got {");
        assertThatThrownBy(() -> MarketFiles.load(write("cut.json", "[[1704067200000,10,11,9,10,1],\n[1704067260000,10,"), "X"))
                .hasMessage("cut.json line 2: not valid JSON: Unexpected end-of-input within/between Array entries");
    }
}
