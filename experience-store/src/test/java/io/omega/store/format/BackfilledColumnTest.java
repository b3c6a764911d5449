package io.omega.store.format;

import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.OutcomeRow;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code backfilled} column: kept in Parquet and CSV, and files written before it existed still read, their rows
 * as not backfilled.
 */
class BackfilledColumnTest {

    private static final Instant T = Instant.parse("2025-01-24T12:00:00Z");
    private static final ParquetFormat PARQUET = new ParquetFormat(CompressionCodecName.ZSTD);

    @TempDir
    Path dir;

    static DecisionRow decision(String id, boolean backfilled) {
        return new DecisionRow(id, T, "BTC", 100, Map.of("ret_5", 0.01), "LONG", 0.7,
                Map.of("LONG", 0.7, "SHORT", 0.2, "FLAT", 0.1), "baseline", "momentum-v1", false, backfilled, 0, 3);
    }

    static ExecutionRow execution(String id, boolean backfilled) {
        return new ExecutionRow(id, "t-" + id, "d-" + id, T, "BTC", "LONG", 100, 0.5, 98, 104, 0.05, 0.01,
                "baseline", "momentum-v1", "PAPER", backfilled, 1, 4);
    }

    static OutcomeRow outcome(String id, boolean backfilled) {
        return new OutcomeRow(id, "t-" + id, T, "BTC", 104, 2.0, 4.0, 60_000, "TP", "baseline", "momentum-v1",
                backfilled, 2, 5);
    }

    @Test
    void theColumnRoundTripsInParquetAndCsv() throws IOException {
        for (ExperienceFileFormat format : List.<ExperienceFileFormat>of(PARQUET, CsvFormat.INSTANCE)) {
            assertRoundTrip(format, ExperienceKind.DECISIONS, List.of(decision("a", true), decision("b", false)));
            assertRoundTrip(format, ExperienceKind.EXECUTIONS, List.of(execution("a", true), execution("b", false)));
            assertRoundTrip(format, ExperienceKind.OUTCOMES, List.of(outcome("a", true), outcome("b", false)));
        }
        assertThat(ExperienceKind.DECISIONS.codec().csvHeader()).contains("backfilled");
    }

    @Test
    void aParquetFileWithoutTheColumnReadsAsNotBackfilled() throws IOException {
        assertOlderParquetReads(ExperienceKind.DECISIONS, decision("a", true), decision("a", false));
        assertOlderParquetReads(ExperienceKind.EXECUTIONS, execution("a", true), execution("a", false));
        assertOlderParquetReads(ExperienceKind.OUTCOMES, outcome("a", true), outcome("a", false));
    }

    @Test
    void aCsvFileWithoutTheColumnReadsAsNotBackfilled() throws IOException {
        assertOlderCsvReads(ExperienceKind.DECISIONS, decision("a", true), decision("a", false));
        assertOlderCsvReads(ExperienceKind.EXECUTIONS, execution("a", true), execution("a", false));
        assertOlderCsvReads(ExperienceKind.OUTCOMES, outcome("a", true), outcome("a", false));
    }

    private <R extends ExperienceRow> void assertRoundTrip(ExperienceFileFormat format, ExperienceKind<R> kind,
                                                           List<R> rows) throws IOException {
        Path file = dir.resolve(kind.name() + "." + format.extension());
        format.write(kind, rows, file, Map.of());
        assertThat(format.read(kind, file).rows()).containsExactlyElementsOf(rows);
        Files.delete(file);
    }

    /** Written as before the column, by parquet-avro with the older schema. */
    private <R extends ExperienceRow> void assertOlderParquetReads(ExperienceKind<R> kind, R row, R expected)
            throws IOException {
        Schema now = kind.codec().schema();
        Schema before = Schema.createRecord(now.getName(), now.getDoc(), now.getNamespace(), false,
                now.getFields().stream().filter(f -> !f.name().equals("backfilled"))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
        GenericRecord current = kind.codec().toAvro(row);
        GenericRecord old = new GenericData.Record(before);
        before.getFields().forEach(f -> old.put(f.name(), current.get(f.name())));
        Path file = dir.resolve("older-" + kind.name() + ".parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withSchema(before).withDataModel(GenericData.get())
                .withCodecFactory(LocalCodecFactory.INSTANCE).build()) {
            writer.write(old);
        }
        assertThat(PARQUET.read(kind, file).rows()).containsExactly(expected);
    }

    /** Written as before the column: its header and cells without it. */
    private <R extends ExperienceRow> void assertOlderCsvReads(ExperienceKind<R> kind, R row, R expected)
            throws IOException {
        Path current = dir.resolve("current-" + kind.name() + ".csv");
        CsvFormat.INSTANCE.write(kind, List.of(row), current, Map.of());
        List<String> lines = Files.readAllLines(current);
        int column = List.of(lines.get(0).split(",")).indexOf("backfilled");
        assertThat(column).isPositive();
        Path older = dir.resolve("older-" + kind.name() + ".csv");
        Files.write(older, lines.stream().map(line -> dropCell(line, column)).toList());
        assertThat(CsvFormat.INSTANCE.read(kind, older).rows()).containsExactly(expected);
    }

    /** The rows here have no quoted commas. */
    private static String dropCell(String line, int column) {
        List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(column);
        return String.join(",", cells);
    }
}
