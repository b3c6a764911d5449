package io.omega.sink.compaction;

import io.omega.sink.retention.Retention;
import io.omega.sink.write.PartWriter;
import io.omega.sink.write.PartitionBuffer;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.Experiences;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.Manifest;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.DayFiles;
import io.omega.store.layout.ExperienceLayout;
import org.apache.kafka.common.TopicPartition;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compaction of closed days and retention of old ones, with time under the test's control. */
class CompactionAndRetentionTest {

    private static final LocalDate MON = LocalDate.of(2025, 1, 20);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);
    private static final Duration GRACE = Duration.ofMinutes(60);

    @TempDir
    Path data;

    private final ExperienceFileFormat format = new ParquetFormat(CompressionCodecName.ZSTD);

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static DecisionRow row(String id, Instant time, int partition, long offset) {
        return new DecisionRow(id, time, "BTC-USDT-SWAP", 100, Map.of("rsi", 50.0), "LONG", 0.6,
                Map.of("LONG", 0.6), "cnn", "v1", false, partition, offset);
    }

    /** Writes one flush of {@code partition} holding rows at the given times, offsets from {@code first}. */
    private void flush(int partition, long first, Instant... times) throws Exception {
        PartitionBuffer buffer = new PartitionBuffer(new TopicPartition("omega.decisions", partition),
                ExperienceKind.DECISIONS);
        for (int i = 0; i < times.length; i++) {
            buffer.add(first + i, row("p" + partition + "-" + (first + i), times[i], partition, first + i), 0);
        }
        new PartWriter(new ExperienceLayout(data), format).write(buffer);
    }

    @Test
    void closedDaysAreMergedIntoOneFileAndLateRecordsAreMergedInLater() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE);
        flush(0, 0, at(MON, 9), at(MON, 10), at(TUE, 1));
        flush(1, 0, at(MON, 11), at(TUE, 2));
        flush(0, 3, at(MON, 8), at(TUE, 3));

        // Watermark inside the grace period after Monday: nothing is closed yet.
        assertThat(compactor.compactClosedDays(at(TUE, 0).plus(Duration.ofMinutes(59))).compacted()).isEmpty();
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, MON).parts()).hasSize(3);

        // Grace over: Monday is merged, in event-time order; Tuesday stays in parts.
        DayCompactor.Result result = compactor.compactClosedDays(at(TUE, 1));
        Path monday = layout.compactedFile(ExperienceKind.DECISIONS, MON, 1, "parquet");
        assertThat(result.compacted()).containsExactly(monday);
        DayFiles mon = layout.dayFiles(ExperienceKind.DECISIONS, MON);
        assertThat(mon.parts()).isEmpty();
        assertThat(mon.compacted()).contains(monday);
        var content = format.read(ExperienceKind.DECISIONS, monday);
        assertThat(content.rows()).extracting(DecisionRow::id).containsExactly("p0-3", "p0-0", "p0-1", "p1-0");
        assertThat(Manifest.mergedParts(content.metadata()))
                .containsExactly("part-0-0-2.parquet", "part-0-3-4.parquet", "part-1-0-1.parquet");
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, TUE).parts()).hasSize(3);

        // A late record for Monday arrives after compaction: readers see it at once, the next run merges it in.
        flush(2, 0, at(MON, 23), at(WED, 5));
        ExperienceStore store = new ExperienceStore(data, Clock.fixed(at(WED, 12), ZoneOffset.UTC));
        assertThat(store.load(ExperienceKind.DECISIONS, MON, MON).size()).isEqualTo(5);
        // ... into the next generation, under a new name: a name never stands for two contents.
        Path mondayAgain = layout.compactedFile(ExperienceKind.DECISIONS, MON, 2, "parquet");
        assertThat(compactor.compactClosedDays(at(WED, 6)).compacted())
                .containsExactly(mondayAgain, layout.compactedFile(ExperienceKind.DECISIONS, TUE, 1, "parquet"));
        assertThat(format.read(ExperienceKind.DECISIONS, mondayAgain).rows()).extracting(DecisionRow::id)
                .containsExactly("p0-3", "p0-0", "p0-1", "p1-0", "p2-0");
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, MON).parts()).isEmpty();
        assertThat(Files.exists(monday)).isFalse();

        // Nothing new: running again changes nothing.
        assertThat(compactor.compactClosedDays(at(WED, 6)).compacted()).isEmpty();

        Experiences<DecisionRow> all = store.load(ExperienceKind.DECISIONS, MON, WED).requireComplete();
        assertThat(all.size()).isEqualTo(9);
        assertThat(all.rows()).extracting(DecisionRow::id).doesNotHaveDuplicates();
    }

    @Test
    void partsLeftBesideTheirMergedFileByAnEarlierVersionAreReadOnceAndSwappedOutByTheNextPass() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE);
        flush(0, 0, at(MON, 9), at(MON, 10));
        Path part = layout.dayFiles(ExperienceKind.DECISIONS, MON).parts().get(0).path();
        byte[] partBytes = Files.readAllBytes(part);
        compactor.compactClosedDays(at(TUE, 1));
        // What the in-place compaction of earlier versions left when killed after its rename: the merged part
        // beside the merged file (which names it), counted twice by every globbing reader.
        Files.write(part, partBytes);

        ExperienceStore store = new ExperienceStore(data);
        assertThat(store.load(ExperienceKind.DECISIONS, MON, MON).size()).isEqualTo(2);
        assertThat(compactor.compactClosedDays(at(TUE, 1)).compacted())
                .containsExactly(layout.compactedFile(ExperienceKind.DECISIONS, MON, 2, "parquet"));
        assertThat(Files.exists(part)).isFalse();
        assertThat(store.load(ExperienceKind.DECISIONS, MON, MON).size()).isEqualTo(2);
        assertThat(compactor.compactClosedDays(at(TUE, 1)).compacted()).isEmpty();
    }

    @Test
    void replacedPartsWaitOutsideTheLayoutForTheNextPassAndCrashLeftoversGoAtStart() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE);
        flush(0, 0, at(MON, 9), at(MON, 10));
        flush(0, 2, at(TUE, 9));
        Path foreign = layout.dayDir(ExperienceKind.DECISIONS, MON).resolve("notes.txt");
        Files.writeString(foreign, "someone else's");
        compactor.compactClosedDays(at(TUE, 1));
        assertThat(foreign).hasContent("someone else's"); // not the sink's: kept through the exchange
        // The replaced day directory holds the part, in the work directory, outside experiences/.
        Path replaced = layout.compactionDir(ExperienceKind.DECISIONS, MON);
        assertThat(replaced.resolve("part-0-0-1.parquet")).exists();
        assertThat(replaced.startsWith(layout.root())).isFalse();

        compactor.compactClosedDays(at(TUE, 1)); // the next pass
        assertThat(replaced).doesNotExist();

        Path temporary = layout.dayDir(ExperienceKind.DECISIONS, TUE).resolve(".part-0-3-9.parquet.tmp");
        Files.write(temporary, new byte[]{1});
        Files.createDirectories(layout.compactionDir(ExperienceKind.DECISIONS, TUE));
        new Leftovers(layout, CompactionSteps.NONE).removeAtStart();
        assertThat(temporary).doesNotExist();
        assertThat(layout.workRoot()).doesNotExist();
        assertThat(new ExperienceStore(data).load(ExperienceKind.DECISIONS, MON, TUE).requireComplete().size()).isEqualTo(3);
    }

    @Test
    void withoutAnAtomicExchangeDaysStayInPartsAndNothingChanges() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE, (a, b) -> {
            throw new DirectorySwap.UnsupportedSwapException("not here");
        }, CompactionSteps.NONE);
        flush(0, 0, at(MON, 9), at(TUE, 9));

        DayCompactor.Result result = compactor.compactClosedDays(at(WED, 2));

        assertThat(result.compacted()).isEmpty();
        assertThat(result.failed()).isEmpty();
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, MON).parts()).hasSize(1);
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, MON).compacted()).isEmpty();
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, TUE).parts()).hasSize(1);
        assertThat(new ExperienceStore(data).load(ExperienceKind.DECISIONS, MON, TUE).requireComplete().size()).isEqualTo(2);
    }

    @Test
    void anEmptyDayHasNoFilesAndDoesNotBreakARange() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE);
        flush(0, 0, at(MON, 9));
        flush(0, 1, at(WED, 9));
        Files.createDirectories(layout.dayDir(ExperienceKind.DECISIONS, THU)); // a directory with nothing in it

        DayCompactor.Result result = compactor.compactClosedDays(at(THU.plusDays(1), 2));

        assertThat(result.compacted()).containsExactly(layout.compactedFile(ExperienceKind.DECISIONS, MON, 1, "parquet"),
                layout.compactedFile(ExperienceKind.DECISIONS, WED, 1, "parquet"));
        assertThat(Files.exists(layout.dayDir(ExperienceKind.DECISIONS, TUE))).isFalse();
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, THU).isEmpty()).isTrue();
        Experiences<DecisionRow> week = new ExperienceStore(data).load(ExperienceKind.DECISIONS, MON, THU).requireComplete();
        assertThat(week.rows()).extracting(DecisionRow::id).containsExactly("p0-0", "p0-1");
        assertThat(new ExperienceStore(data).load(ExperienceKind.DECISIONS, TUE, TUE).size()).isZero();
    }

    @Test
    void aCorruptPartLeavesItsDayUncompactedNamingTheFileWhileOtherDaysAndFilesStayReadable() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        DayCompactor compactor = new DayCompactor(layout, format, GRACE);
        flush(0, 0, at(MON, 9), at(TUE, 9));
        flush(0, 2, at(MON, 10));
        Path corrupt = layout.partFile(ExperienceKind.DECISIONS, MON, 0, 2, 2, "parquet");
        byte[] bytes = Files.readAllBytes(corrupt);
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // torn: footer gone

        DayCompactor.Result result = compactor.compactClosedDays(at(WED, 2));

        assertThat(result.compacted()).containsExactly(layout.compactedFile(ExperienceKind.DECISIONS, TUE, 1, "parquet"));
        assertThat(result.failed()).containsExactly(layout.dayDir(ExperienceKind.DECISIONS, MON));
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, MON).parts()).hasSize(2);
        assertThatThrownBy(() -> compactor.compact(ExperienceKind.DECISIONS, MON))
                .hasMessageContaining(corrupt.toString());

        Experiences<DecisionRow> loaded = new ExperienceStore(data).load(ExperienceKind.DECISIONS, MON, TUE);
        assertThat(loaded.rows()).extracting(DecisionRow::id).containsExactly("p0-0", "p0-1");
        assertThat(loaded.unreadable()).singleElement().satisfies(u -> assertThat(u.file()).isEqualTo(corrupt));
    }

    @Test
    void retentionDeletesDaysOlderThanKeepLogsDaysAsTheClockMoves() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        flush(0, 0, at(MON, 9), at(TUE, 9), at(WED, 9), at(THU, 9));
        TestClock clock = new TestClock(at(THU, 12));
        Retention retention = new Retention(layout, 2, clock);

        assertThat(retention.apply()).containsExactly(layout.dayDir(ExperienceKind.DECISIONS, MON));
        assertThat(layout.days(ExperienceKind.DECISIONS)).containsExactly(TUE, WED, THU);

        clock.set(at(THU.plusDays(1), 0));
        assertThat(retention.apply()).containsExactly(layout.dayDir(ExperienceKind.DECISIONS, TUE));
        assertThat(layout.days(ExperienceKind.DECISIONS)).containsExactly(WED, THU);

        clock.set(at(THU.plusDays(30), 0));
        retention.apply();
        assertThat(layout.days(ExperienceKind.DECISIONS)).isEmpty();
        assertThat(new ExperienceStore(data, clock).load(ExperienceKind.DECISIONS, 60).size()).isZero();
        assertThat(List.of(retention.oldestKept())).containsExactly(THU.plusDays(28));
    }
}
