package io.omega.store.format;

import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.OutcomeRow;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The experience files' own write support must write what parquet-avro writes: same bytes, for every kind, whether
 * it is given Avro records or the rows themselves, with repeated and unique strings, maps whose keys change from
 * row to row (reused key encodings must not leak into the next row), empty and non-empty maps.
 */
class FlatRecordWriteSupportTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");
    private static final ParquetFormat ZSTD = new ParquetFormat(CompressionCodecName.ZSTD);
    private static final Map<String, String> METADATA = Map.of("omega.kind", "test", "omega.rows", "many");

    @TempDir
    Path dir;

    @Test
    void decisionsAreWrittenByteForByteAsParquetAvroWritesThem() throws IOException {
        List<DecisionRow> rows = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            Map<String, Double> features = i % 7 == 0 ? Map.of() : i % 2 == 0
                    ? Map.of("close", 100.0 + i, "rsi", 40.0 + i % 30, "volume_z", -1.5 + i % 3)
                    : new HashMap<>(Map.of("close", 100.0 + i, "ret_1", i * 1e-5));
            rows.add(new DecisionRow(UUID.randomUUID().toString(), T0.plusSeconds(i), i % 3 == 0 ? "ETH-USDT-SWAP"
                    : "BTC-USDT-SWAP", 100.0 + i, features, i % 2 == 0 ? "LONG" : "SHORT", 0.5 + (i % 50) / 100.0,
                    Map.of("LONG", 0.6, "SHORT", 0.4), "cnn", "20250124_" + String.format("%06d", i % 5000),
                    i % 5 == 0, i % 3, i));
        }
        assertSameBytes(ExperienceKind.DECISIONS, rows);
    }

    @Test
    void executionsAndOutcomesAreWrittenByteForByteAsParquetAvroWritesThem() throws IOException {
        List<ExecutionRow> executions = new ArrayList<>();
        List<OutcomeRow> outcomes = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            executions.add(new ExecutionRow("e" + i, "t" + i, "d" + i, T0.plusSeconds(i), "BTC-USDT-SWAP",
                    i % 2 == 0 ? "LONG" : "SHORT", 100.0 + i, 0.01 * i, 99.0, 102.0, 0.05, 0.02, "lstm",
                    "20250124_120000", "PAPER", 1, i));
            outcomes.add(new OutcomeRow("o" + i, "t" + i, T0.plusSeconds(i + 60), "BTC-USDT-SWAP", 101.0 + i,
                    i % 3 - 1.0, (i % 3 - 1.0) / 10, 60_000L * i, i % 2 == 0 ? "TP" : "SL", "lstm", "20250124_120000",
                    2, i));
        }
        assertSameBytes(ExperienceKind.EXECUTIONS, executions);
        assertSameBytes(ExperienceKind.OUTCOMES, outcomes);
    }

    @Test
    void aMapOfNullValuesIsRefusedWithTheKey() throws IOException {
        Map<String, Double> bad = new HashMap<>();
        bad.put("close", null);
        GenericRecord record = ExperienceKind.DECISIONS.codec().toAvro(new DecisionRow("x", T0, "BTC-USDT-SWAP", 1.0,
                Map.of(), "LONG", 0.5, Map.of(), "cnn", "v", false, 0, 0));
        record.put("market_features", bad);
        try (ParquetWriter<GenericRecord> writer = ZSTD.openWriter(ExperienceKind.DECISIONS, dir.resolve("bad.parquet"),
                Map.of())) {
            assertThatThrownBy(() -> writer.write(record)).hasMessageContaining("null value in a map of doubles, key close");
        }
    }

    private <R extends ExperienceRow> void assertSameBytes(ExperienceKind<R> kind, List<R> rows) throws IOException {
        Path ours = dir.resolve(kind.name() + "-ours.parquet");
        Path reference = dir.resolve(kind.name() + "-parquet-avro.parquet");
        try (ParquetWriter<GenericRecord> writer = ZSTD.openWriter(kind, ours, METADATA)) {
            for (R row : rows) {
                writer.write(kind.codec().toAvro(row));
            }
        }
        try (ParquetWriter<GenericRecord> writer = ZSTD.openAvroWriter(kind, reference, METADATA)) {
            for (R row : rows) {
                writer.write(kind.codec().toAvro(row));
            }
        }
        Path fromRows = dir.resolve(kind.name() + "-rows.parquet");
        ZSTD.write(kind, rows, fromRows, METADATA);
        assertThat(Files.size(ours)).isEqualTo(Files.size(reference));
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(reference));
        assertThat(Files.readAllBytes(fromRows)).isEqualTo(Files.readAllBytes(reference));
        assertThat(ZSTD.read(kind, ours).rows()).containsExactlyElementsOf(rows);
    }
}
