package io.omega.paper.market.file;

import io.omega.paper.market.Bar;
import io.omega.store.format.LocalCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetCandlesTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final MessageType MILLIS = MessageTypeParser.parseMessageType("""
            message candles {
              required int64 timestamp;
              required double open;
              required double high;
              required double low;
              required double close;
              required double volume;
            }""");

    @TempDir
    Path dir;

    /** Writes rows of {@code schema} as {@code name}, snappy-compressed as pandas writes by default. */
    private Path write(String name, MessageType schema, List<Consumer<Group>> rows) throws IOException {
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withCodecFactory(LocalCodecFactory.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Consumer<Group> row : rows) {
                Group g = groups.newGroup();
                row.accept(g);
                writer.write(g);
            }
        }
        return file;
    }

    private static Consumer<Group> candle(long t, double o, double h, double l, double c, double v) {
        return g -> g.append("timestamp", t).append("open", o).append("high", h).append("low", l).append("close", c)
                .append("volume", v);
    }

    @Test
    void int64MillisecondsGiveExactBars() throws IOException {
        Path file = write("prices.parquet", MILLIS, List.of(candle(1704067200000L, 100, 101, 99, 100.5, 10),
                candle(1704067260000L, 100.5, 102, 100, 101, 12.5), candle(1704067440000L, 101, 101.5, 100.5, 101.2, 3)));

        FileMarket market = MarketFiles.load(file, "BTC-USD");

        assertThat(market.bars("BTC-USD")).containsExactly(new Bar("BTC-USD", T0, 100, 101, 99, 100.5, 10, 0),
                new Bar("BTC-USD", T0.plusSeconds(60), 100.5, 102, 100, 101, 12.5, 0),
                new Bar("BTC-USD", T0.plusSeconds(240), 101, 101.5, 100.5, 101.2, 3, 0));
        assertThat(market.barLength()).isEqualTo(Duration.ofMinutes(1));
        assertThat(market.report()).isEqualTo("Loaded prices.parquet (candles as Parquet, timestamps in epoch "
                + "milliseconds): 3 bars of 1 minute, 2024-01-01T00:00:00Z .. 2024-01-01T00:04:00Z; 1 gap, 2 bars "
                + "missing: 2024-01-01T00:01:00Z -> 2024-01-01T00:04:00Z (2 missing); no duplicates");
    }

    @Test
    void aTimestampTypeInMicrosecondsFloatAndIntegerColumnsAndAnyNameCase() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message freqtrade {
                  required int64 date (TIMESTAMP(MICROS,true));
                  required float Open;
                  required double high;
                  required double low;
                  required int32 close;
                  required int64 volume;
                  optional binary pair (STRING);
                }""");
        Path file = write("BTC_USDT-1h.parquet", schema, List.of(
                g -> g.append("date", 1704067200000000L).append("Open", 10.5f).append("high", 12.0).append("low", 10.0)
                        .append("close", 11).append("volume", 7L).append("pair", "BTC/USDT"),
                g -> g.append("date", 1704070800000000L).append("Open", 11.0f).append("high", 11.0).append("low", 9.5)
                        .append("close", 10).append("volume", 3L)));

        FileMarket market = MarketFiles.load(file, "BTC/USDT");

        assertThat(market.bars("BTC/USDT")).containsExactly(new Bar("BTC/USDT", T0, 10.5, 12, 10, 11, 7, 0),
                new Bar("BTC/USDT", T0.plusSeconds(3600), 11, 11, 9.5, 10, 3, 0));
        assertThat(market.format()).isEqualTo("candles as Parquet, timestamps in a Parquet timestamp in micros");
    }

    @Test
    void duplicatesAreDroppedAndConflictsNamed() throws IOException {
        Path same = write("same.parquet", MILLIS, List.of(candle(1704067200000L, 10, 11, 9, 10, 1),
                candle(1704067200000L, 10, 11, 9, 10, 1), candle(1704067260000L, 10, 11, 9, 10, 1)));
        assertThat(MarketFiles.load(same, "X").findings())
                .isEqualTo(new SeriesReport(0, 0, List.of(), 1, List.of("row 2 repeats row 1")));

        Path conflict = write("conflict.parquet", MILLIS, List.of(candle(1704067200000L, 10, 11, 9, 10, 1),
                candle(1704067200000L, 10, 11, 9, 10, 2)));
        assertThatThrownBy(() -> MarketFiles.load(conflict, "X")).hasMessage("conflict.parquet row 2: timestamp "
                + "2024-01-01T00:00:00Z repeats row 1 with different values");
    }

    @Test
    void badRowsAndColumnsAreNamed() throws IOException {
        Path high = write("high.parquet", MILLIS, List.of(candle(1704067200000L, 10, 11, 9, 10, 1),
                candle(1704067260000L, 10, 9.5, 9, 10, 1)));
        assertThatThrownBy(() -> MarketFiles.load(high, "X"))
                .hasMessage("high.parquet row 2, field 'high': 9.5 is below max(open, close) = 10.0");

        MessageType optional = MessageTypeParser.parseMessageType("""
                message m {
                  required int64 timestamp;
                  optional double open;
                  required double high;
                  required double low;
                  required double close;
                  required double volume;
                }""");
        Path missing = write("null.parquet", optional, List.of(g -> g.append("timestamp", 1704067200000L)
                .append("high", 1.0).append("low", 1.0).append("close", 1.0).append("volume", 1.0)));
        assertThatThrownBy(() -> MarketFiles.load(missing, "X")).hasMessage("null.parquet row 1, field 'open': no value (null)");

        MessageType noVolume = MessageTypeParser.parseMessageType(
                "message m { required int64 timestamp; required double open; required double high; "
                        + "required double low; required double close; }");
        Path column = write("cols.parquet", noVolume, List.of());
        assertThatThrownBy(() -> MarketFiles.load(column, "X")).hasMessage("cols.parquet: no column 'volume' among the "
                + "columns [timestamp, open, high, low, close]");

        MessageType textTime = MessageTypeParser.parseMessageType(
                "message m { required binary timestamp (STRING); required double open; }");
        Path text = write("text.parquet", textTime, List.of());
        assertThatThrownBy(() -> MarketFiles.load(text, "X")).hasMessage("text.parquet: column 'timestamp' is required "
                + "binary timestamp (STRING): expected int64 epoch milliseconds or a timestamp");
    }
}
