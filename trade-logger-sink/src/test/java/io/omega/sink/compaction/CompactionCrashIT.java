package io.omega.sink.compaction;

import io.omega.sink.write.PartWriter;
import io.omega.sink.write.PartitionBuffer;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.Experiences;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.DayFiles;
import io.omega.store.layout.ExperienceLayout;
import org.apache.kafka.common.TopicPartition;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction under crashes, in separate JVMs ({@link CompactionProcess}), read by DuckDB's glob with Hive
 * partitioning and by {@link ExperienceStore}: each is halted at every {@link CompactionStep}, or killed with
 * SIGKILL at random moments, or simply runs while both readers poll; every count either reader returns is exact.
 */
class CompactionCrashIT {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
    private static final int PARTITIONS = 3;

    @TempDir
    Path data;

    private final ParquetFormat format = new ParquetFormat(CompressionCodecName.ZSTD);
    /** Offsets already used per partition: every flush gets the next range, as the sink's would. */
    private final long[] nextOffset = new long[PARTITIONS];
    private final Set<String> written = new HashSet<>();

    @ParameterizedTest
    @EnumSource(CompactionStep.class)
    void haltedAtAnyStepEveryReaderSeesEveryRecordOnceAndARestartFinishes(CompactionStep step) throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        int days = 3;
        writeParts(days, 10, 600);
        assertThat(runCompaction(1, null).exitValue()).isZero();
        // Late records for every day beside the compacted files: the state a crashed in-place compaction turned
        // into duplicates for globbing readers.
        writeParts(days, 5, 400);
        Path leftoverTemp = layout.dayDir(ExperienceKind.DECISIONS, FIRST_DAY).resolve(".part-0-999-1000.parquet.tmp");
        Files.write(leftoverTemp, new byte[]{1, 2, 3});
        assertExact();

        Process halted = runCompaction(2, step);
        assertThat(halted.exitValue()).as("halted at " + step).isEqualTo(CompactionSteps.HALT_STATUS);
        assertExact();
        // Halted before the first exchange, the day still shows its parts; at or after it, only the merged file.
        boolean swapped = step == CompactionStep.SWAPPED || step == CompactionStep.RETIRED_PARTLY_DELETED;
        assertThat(layout.dayFiles(ExperienceKind.DECISIONS, FIRST_DAY).parts()).hasSize(swapped ? 0 : 5);

        assertThat(runCompaction(1, null).exitValue()).isZero();
        assertExact();
        for (int d = 0; d < days; d++) {
            DayFiles day = layout.dayFiles(ExperienceKind.DECISIONS, FIRST_DAY.plusDays(d));
            assertThat(day.parts()).isEmpty();
            assertThat(day.compacted()).isPresent();
            try (Stream<Path> files = Files.list(day.directory())) {
                assertThat(files).hasSize(1);
            }
        }
        assertThat(leftoverTemp).doesNotExist();
    }

    @Test
    void readersPollingWhileDaysAreCompactedSeeExactCounts() throws Exception {
        int days = 12;
        writeParts(days, 20, 300);
        try (Pollers pollers = new Pollers(written.size())) {
            for (int round = 0; round < 3; round++) {
                pollers.pause();
                if (round > 0) {
                    writeParts(days, 8, 200);
                }
                pollers.resume(written.size());
                assertThat(runCompaction(1, null).exitValue()).isZero();
            }
            // A starved machine may have let the readers in only a few times during the three compactions: they
            // read on over the compacted days until each has counted more than ten, every one checked exact.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while ((pollers.duckDbExact <= 10 || pollers.storeExact <= 10) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            pollers.stop();
            System.out.printf("DuckDB: %d exact counts, %d queries failed on a vanished file; ExperienceStore: %d%n",
                    pollers.duckDbExact, pollers.duckDbVanished, pollers.storeExact);
            assertThat(pollers.wrong).isEmpty();
            assertThat(pollers.duckDbExact).isGreaterThan(10);
            assertThat(pollers.storeExact).isGreaterThan(10);
        }
        assertExact();
    }

    @Test
    void killedWithSigkillAtRandomMomentsReadersStayExactAndARestartFinishes() throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        int days = 10;
        writeParts(days, 20, 300);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killed = 0;
        try (Pollers pollers = new Pollers(written.size())) {
            for (int round = 0; round < 8; round++) {
                pollers.pause();
                writeParts(days, 4, 150);
                pollers.resume(written.size());
                Process process = startCompaction(1, null);
                awaitLine(process, CompactionProcess.STARTED);
                Thread.sleep(random.nextInt(1500));
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor();
                    killed++;
                }
                pollers.pause();
                assertExact();
                pollers.resume(written.size());
            }
            assertThat(runCompaction(1, null).exitValue()).isZero();
            pollers.stop();
            System.out.printf("seed %d: %d kills; DuckDB: %d exact counts, %d failed on a vanished file; "
                    + "ExperienceStore: %d%n", seed, killed, pollers.duckDbExact, pollers.duckDbVanished,
                    pollers.storeExact);
            assertThat(pollers.wrong).as("seed " + seed).isEmpty();
        }
        assertThat(killed).as("seed " + seed).isGreaterThanOrEqualTo(3);
        assertExact();
        for (int d = 0; d < days; d++) {
            assertThat(layout.dayFiles(ExperienceKind.DECISIONS, FIRST_DAY.plusDays(d)).parts()).isEmpty();
        }
    }

    /** Both readers: exactly the rows written, each once. */
    private void assertExact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id), count(DISTINCT date) FROM " + glob())) {
            r.next();
            assertThat(r.getLong(1)).as("DuckDB rows").isEqualTo(written.size());
            assertThat(r.getLong(2)).as("DuckDB distinct ids").isEqualTo(written.size());
        }
        Experiences<DecisionRow> rows = store().requireComplete();
        assertThat(rows.size()).as("ExperienceStore rows").isEqualTo(written.size());
        Set<String> ids = new HashSet<>();
        rows.rows().forEach(row -> ids.add(row.id()));
        assertThat(ids).isEqualTo(written);
    }

    private Experiences<DecisionRow> store() {
        return new ExperienceStore(data).load(ExperienceKind.DECISIONS, FIRST_DAY, FIRST_DAY.plusDays(40));
    }

    private String glob() {
        return "read_parquet('" + new ExperienceLayout(data).kindDir(ExperienceKind.DECISIONS)
                + "/**/*.parquet', hive_partitioning=true)";
    }

    /** {@code flushes} flushes, round-robin over the partitions, each with {@code rows} rows spread over the days. */
    private void writeParts(int days, int flushes, int rows) throws Exception {
        PartWriter writer = new PartWriter(new ExperienceLayout(data), format);
        for (int f = 0; f < flushes; f++) {
            int partition = f % PARTITIONS;
            PartitionBuffer buffer = new PartitionBuffer(new TopicPartition("omega.decisions", partition),
                    ExperienceKind.DECISIONS);
            for (int i = 0; i < rows; i++) {
                long offset = nextOffset[partition]++;
                String id = "p" + partition + "-" + offset;
                Instant time = FIRST_DAY.plusDays(offset % days).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .plusSeconds(offset % 86_000);
                buffer.add(offset, new DecisionRow(id, time, "BTC-USDT-SWAP", 100 + i, Map.of("rsi", 50.0), "LONG",
                        0.6, Map.of("LONG", 0.6), "cnn", "v1", false, partition, offset), 0);
                written.add(id);
            }
            writer.write(buffer);
        }
    }

    private Process runCompaction(int passes, CompactionStep haltAt) throws Exception {
        Process process = startCompaction(passes, haltAt);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0 && process.exitValue() != CompactionSteps.HALT_STATUS) {
            throw new AssertionError("compaction process exited with " + process.exitValue() + ":\n" + output);
        }
        return process;
    }

    private Process startCompaction(int passes, CompactionStep haltAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        if (haltAt != null) {
            command.add("-D" + CompactionSteps.HALT_AT + "=" + haltAt.name());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CompactionProcess.class.getName(),
                data.toString(), Integer.toString(passes)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process process, String line) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String l = reader.readLine(); l != null; l = reader.readLine()) {
            if (l.contains(line)) {
                Thread drain = new Thread(() -> {
                    try {
                        reader.transferTo(java.io.Writer.nullWriter());
                    } catch (Exception ignored) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the compaction process ended before saying '" + line + "'");
    }

    /**
     * DuckDB and ExperienceStore reading the day directories in a loop, each in its own thread, against the number
     * of rows written. A DuckDB query may fail when a file it listed was swapped out before it opened it (a glob
     * is no snapshot); that is counted, and a wrong count is collected.
     */
    private final class Pollers implements AutoCloseable {
        final List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long duckDbExact;
        volatile long duckDbVanished;
        volatile long storeExact;
        private volatile long expected;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Object lock = new Object();
        private boolean paused;
        private int busy;
        private final List<Thread> threads = new ArrayList<>();

        Pollers(long expected) {
            this.expected = expected;
            threads.add(poller("duckdb", this::pollDuckDb));
            threads.add(poller("store", this::pollStore));
        }

        private Thread poller(String name, Runnable poll) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    if (!enter()) {
                        continue;
                    }
                    try {
                        poll.run();
                    } finally {
                        leave();
                    }
                }
            }, "poller-" + name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        private boolean enter() {
            synchronized (lock) {
                while (paused && running.get()) {
                    try {
                        lock.wait(100);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }
                busy++;
                return running.get();
            }
        }

        private void leave() {
            synchronized (lock) {
                busy--;
                lock.notifyAll();
            }
        }

        /** Waits until no poll is under way and none starts: the test then changes what is expected. */
        void pause() throws InterruptedException {
            synchronized (lock) {
                paused = true;
                while (busy > 0) {
                    lock.wait(100);
                }
            }
        }

        void resume(long newExpected) {
            synchronized (lock) {
                expected = newExpected;
                paused = false;
                lock.notifyAll();
            }
        }

        private void pollDuckDb() {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM " + glob())) {
                r.next();
                if (r.getLong(1) == expected && r.getLong(2) == expected) {
                    duckDbExact++;
                } else {
                    wrong.add("DuckDB read " + r.getLong(1) + " rows, " + r.getLong(2) + " ids; " + expected
                            + " were written");
                }
            } catch (SQLException e) {
                if (vanished(e)) {
                    duckDbVanished++;
                } else {
                    wrong.add("DuckDB failed: " + e.getMessage());
                }
            }
        }

        private void pollStore() {
            Experiences<DecisionRow> rows = store();
            if (rows.size() == expected && rows.unreadable().isEmpty()) {
                storeExact++;
            } else {
                wrong.add("ExperienceStore read " + rows.size() + " rows (" + rows.unreadable() + "); " + expected
                        + " were written");
            }
        }

        private boolean vanished(SQLException e) {
            String message = String.valueOf(e.getMessage());
            return message.contains("No such file");
        }

        void stop() throws InterruptedException {
            running.set(false);
            synchronized (lock) {
                lock.notifyAll();
            }
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
