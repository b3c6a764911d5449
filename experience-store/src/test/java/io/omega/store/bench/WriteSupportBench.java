package io.omega.store.bench;

import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.format.ParquetFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The experience files' write support beside parquet-avro's, side by side in one JVM: the same decisions (5 market
 * features, 3 class probabilities) written to files of {@code rowsPerFile} rows, zstd, alternating rounds; rows per
 * second of each and their ratio per round, median reported.
 *
 * <pre>java -cp "$(cat cp.txt):target/classes:target/test-classes" io.omega.store.bench.WriteSupportBench [rows] [rounds] [rowsPerFile]</pre>
 */
public final class WriteSupportBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int rowsPerFile = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        ParquetFormat format = new ParquetFormat(CompressionCodecName.ZSTD);
        List<GenericRecord> records = new ArrayList<>(rows);
        Instant t0 = Instant.parse("2025-01-24T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            double price = 40_000 + (i % 1000);
            records.add(ExperienceKind.DECISIONS.codec().toAvro(new DecisionRow("d-" + i + "-" + Long.toHexString(i * 2654435761L),
                    t0.plusMillis(i), i % 3 == 0 ? "BTC-USDT-SWAP" : "ETH-USDT-SWAP", price, Map.of("rsi", 30.0 + i % 40,
                    "close", price, "volume", 1000.0 + i % 77, "ema_fast", price * 0.999, "ema_slow", price * 0.998),
                    i % 2 == 0 ? "LONG" : "SHORT", 0.6, Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1), "cnn",
                    "20250124_120000", i % 4 == 0, i % 3, i)));
        }
        Path dir = Files.createTempDirectory("write-support-bench-");
        System.out.printf("rows %,d in files of %,d, zstd%n", rows, rowsPerFile);
        System.out.println("| round | parquet-avro (rows/s) | experience files' write support (rows/s) | ratio |");
        System.out.println("|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double avro = write(records, rowsPerFile, dir, (file) -> format.openAvroWriter(ExperienceKind.DECISIONS, file, Map.of()));
            double ours = write(records, rowsPerFile, dir, (file) -> format.openWriter(ExperienceKind.DECISIONS, file, Map.of()));
            ratios.add(ours / avro);
            System.out.printf("| %d | %,.0f | %,.0f | %.2f |%n", round, avro, ours, ours / avro);
        }
        ratios.sort(Comparator.naturalOrder());
        System.out.printf("median ratio %.2f%n", ratios.get(ratios.size() / 2));
    }

    private interface Opener {
        ParquetWriter<GenericRecord> open(Path file) throws Exception;
    }

    private static double write(List<GenericRecord> records, int rowsPerFile, Path dir, Opener opener) throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < records.size(); from += rowsPerFile) {
            Path file = dir.resolve("part-" + from + ".parquet");
            try (ParquetWriter<GenericRecord> writer = opener.open(file)) {
                for (GenericRecord r : records.subList(from, Math.min(records.size(), from + rowsPerFile))) {
                    writer.write(r);
                }
            }
            Files.delete(file);
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }
}
