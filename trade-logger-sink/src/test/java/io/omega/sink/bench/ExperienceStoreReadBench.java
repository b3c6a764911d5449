package io.omega.sink.bench;

import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.Experiences;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code ExperienceStore.load} speed: decisions (5 market features each, as the paper trader logs them) in part
 * files of {@code rowsPerFile} rows over 3 days, zstd, read back as typed, time-ordered rows per symbol.
 *
 * <pre>java -cp "$(cat cp.txt):target/classes:target/test-classes" io.omega.sink.bench.ExperienceStoreReadBench [rows] [rounds] [rowsPerFile]</pre>
 */
public final class ExperienceStoreReadBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rowsPerFile = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path data = Files.createTempDirectory("store-bench-");
        try {
            LocalDate first = LocalDate.of(2025, 1, 20);
            write(data, rows, rowsPerFile, first);
            ExperienceStore store = new ExperienceStore(data);
            System.out.printf("rows %,d in files of %,d rows, zstd%n", rows, rowsPerFile);
            System.out.println("| round | seconds | rows/s (wall) | rows per CPU-second of this JVM |");
            System.out.println("|---|---|---|---|");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                Experiences<DecisionRow> loaded = store.load(ExperienceKind.DECISIONS, first, first.plusDays(2));
                double seconds = (System.nanoTime() - start) / 1e9;
                if (loaded.size() != rows || !loaded.isComplete()) {
                    throw new IllegalStateException("read " + loaded.size() + " rows of " + rows);
                }
                double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                rates.add(rows / seconds);
                System.out.printf("| %d | %.2f | %,.0f | %,.0f |%n", round, seconds, rows / seconds, rows / cpuSeconds);
            }
            rates.sort(Comparator.naturalOrder());
            System.out.printf("median %,.0f rows/s%n", rates.get(rates.size() / 2));
        } finally {
            SinkThroughputBench.deleteTree(data);
        }
    }

    private static void write(Path data, int rows, int rowsPerFile, LocalDate first) throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        ParquetFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);
        String[] symbols = {"BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP"};
        int perDay = (rows + 2) / 3;
        for (int from = 0; from < rows; from += rowsPerFile) {
            List<DecisionRow> batch = new ArrayList<>();
            int to = Math.min(rows, from + rowsPerFile);
            LocalDate day = first.plusDays(from / perDay);
            Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int i = from; i < to; i++) {
                double price = 40_000 + i % 1000;
                batch.add(new DecisionRow("d-" + i, dayStart.plusMillis((i % perDay) * 50L), symbols[i % 3], price,
                        Map.of("rsi", 30.0 + i % 40, "close", price, "volume", 1000.0 + i % 77, "ema_fast", price * 0.999,
                                "ema_slow", price * 0.998), "LONG", 0.6, Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1),
                        "cnn", "20250124_120000", i % 4 == 0, 0, i));
            }
            Path file = layout.partFile(ExperienceKind.DECISIONS, day, 0, from, to - 1, "parquet");
            AtomicFiles.write(file, temp -> parquet.write(ExperienceKind.DECISIONS, batch, temp, Map.of()));
        }
    }
}
