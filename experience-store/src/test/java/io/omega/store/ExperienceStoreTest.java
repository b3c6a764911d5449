package io.omega.store;

import io.omega.store.format.AtomicFiles;
import io.omega.store.format.CsvFormat;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.Manifest;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperienceStoreTest {

    private static final LocalDate DAY1 = LocalDate.of(2025, 1, 23);
    private static final LocalDate DAY2 = LocalDate.of(2025, 1, 24);
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-01-24T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final ExperienceFileFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);

    private Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private void write(ExperienceFileFormat format, Path file, List<DecisionRow> rows, Map<String, String> meta)
            throws Exception {
        AtomicFiles.write(file, temp -> format.write(ExperienceKind.DECISIONS, rows, temp, meta));
    }

    @Test
    void readsCompactedDaysAndTodaysPartsInTimeOrderPerSymbol() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        // Day 1 compacted; one leftover part it already contains; day 2 only parts, written out of time order.
        write(parquet, layout.compactedFile(ExperienceKind.DECISIONS, DAY1, 1, "parquet"), List.of(
                Rows.decision("a", at(DAY1, 10, 0), "BTC", 100, false, 0),
                Rows.decision("b", at(DAY1, 11, 0), "ETH", 10, true, 1)), Manifest.of(List.of("part-0-0-1.parquet")));
        write(parquet, layout.partFile(ExperienceKind.DECISIONS, DAY1, 0, 0, 1, "parquet"), List.of(
                Rows.decision("a", at(DAY1, 10, 0), "BTC", 100, false, 0),
                Rows.decision("b", at(DAY1, 11, 0), "ETH", 10, true, 1)), Map.of());
        write(parquet, layout.partFile(ExperienceKind.DECISIONS, DAY2, 0, 5, 6, "parquet"), List.of(
                Rows.decision("d", at(DAY2, 9, 0), "BTC", 102, false, 5),
                Rows.decision("e", at(DAY2, 8, 0), "BTC", 101, false, 6)), Map.of());
        write(CsvFormat.INSTANCE, layout.partFile(ExperienceKind.DECISIONS, DAY2, 0, 2, 2, "csv"), List.of(
                Rows.decision("c", at(DAY2, 7, 0), "ETH", 11, false, 2)), Map.of());

        ExperienceStore store = new ExperienceStore(data, NOW);
        Experiences<DecisionRow> all = store.load(ExperienceKind.DECISIONS, 2).requireComplete();

        assertThat(all.rows()).extracting(DecisionRow::id).containsExactly("a", "b", "c", "e", "d");
        assertThat(all.forSymbol("BTC")).extracting(DecisionRow::id).containsExactly("a", "e", "d");
        assertThat(all.forSymbol("ETH")).extracting(DecisionRow::id).containsExactly("b", "c");
        assertThat(all.filesRead()).isEqualTo(3);
        assertThat(all.rows().get(1).isShadow()).isTrue();
        assertThat(all.rows().get(1).marketFeatures()).containsEntry("rsi", 55.5).containsEntry("close", 10.0);
        assertThat(all.rows().get(2)).isEqualTo(Rows.decision("c", at(DAY2, 7, 0), "ETH", 11, false, 2));

        assertThat(store.load(ExperienceKind.DECISIONS, 1).rows()).extracting(DecisionRow::id)
                .containsExactly("c", "e", "d");
        assertThat(store.load(ExperienceKind.DECISIONS, DAY1, DAY1).size()).isEqualTo(2);
        assertThat(store.load(ExperienceKind.OUTCOMES, 30).size()).isZero();
    }

    @Test
    void aCorruptFileIsNamedAndTheRestIsStillRead() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        write(parquet, layout.partFile(ExperienceKind.DECISIONS, DAY2, 0, 0, 0, "parquet"),
                List.of(Rows.decision("good", at(DAY2, 1, 0), "BTC", 1, false, 0)), Map.of());
        Path corrupt = layout.partFile(ExperienceKind.DECISIONS, DAY2, 0, 1, 1, "parquet");
        Files.write(corrupt, "PAR1 this is not parquet at all".getBytes());

        Experiences<DecisionRow> loaded = new ExperienceStore(data, NOW).load(ExperienceKind.DECISIONS, 1);

        assertThat(loaded.rows()).extracting(DecisionRow::id).containsExactly("good");
        assertThat(loaded.unreadable()).singleElement().satisfies(u -> assertThat(u.file()).isEqualTo(corrupt));
        assertThatThrownBy(loaded::requireComplete).isInstanceOf(CorruptExperienceFileException.class)
                .hasMessageContaining(corrupt.toString());
    }

    @Test
    void duckDbReadsTheFilesWithHivePartitions() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        write(parquet, layout.partFile(ExperienceKind.DECISIONS, DAY1, 0, 0, 1, "parquet"), List.of(
                Rows.decision("a", at(DAY1, 10, 0), "BTC", 100, false, 0),
                Rows.decision("b", at(DAY1, 11, 0), "ETH", 10, true, 1)), Map.of());
        write(parquet, layout.partFile(ExperienceKind.DECISIONS, DAY2, 0, 2, 2, "parquet"), List.of(
                Rows.decision("c", at(DAY2, 7, 0), "ETH", 11, false, 2)), Map.of());

        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), sum(price), sum(CASE WHEN is_shadow THEN 1 ELSE 0 END), "
                     + "count(DISTINCT date), max(market_features['rsi']) FROM read_parquet('"
                     + layout.kindDir(ExperienceKind.DECISIONS) + "/**/*.parquet', hive_partitioning=true)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getDouble(2)).isEqualTo(121.0);
            assertThat(rs.getLong(3)).isEqualTo(1);
            assertThat(rs.getLong(4)).isEqualTo(2);
            assertThat(rs.getDouble(5)).isEqualTo(55.5);
        }
    }
}
