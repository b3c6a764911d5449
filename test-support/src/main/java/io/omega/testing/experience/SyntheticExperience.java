package io.omega.testing.experience;

import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.OutcomeRow;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Experience files as the sink writes them, for training tests: one-minute bars of a seeded random walk, each with
 * a production and a shadow decision, a trade every 20 bars with its outcome. One part file per kind and day.
 */
public final class SyntheticExperience {

    private SyntheticExperience() {
    }

    public static void writeMinuteBars(Path dataDir, Instant first, int bars, long seed) throws IOException {
        Random random = new Random(seed);
        List<DecisionRow> decisions = new ArrayList<>();
        List<ExecutionRow> executions = new ArrayList<>();
        List<OutcomeRow> outcomes = new ArrayList<>();
        double price = 42_000;
        long offset = 0;
        for (int i = 0; i < bars; i++) {
            double change = random.nextGaussian() * 0.001;
            price *= 1 + change;
            Instant t = first.plusSeconds(60L * i);
            Map<String, Double> features = Map.of("ret_1", change, "vol", Math.abs(change), "close", price);
            String id = "d-" + i;
            decisions.add(new DecisionRow(id, t, "BTC-USDT-SWAP", price, features, "LONG", 0.6,
                    Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1), "baseline", "rules", false, 0, offset++));
            decisions.add(new DecisionRow("s-" + i, t, "BTC-USDT-SWAP", price, features, "SHORT", 0.5,
                    Map.of("LONG", 0.2, "SHORT", 0.5, "FLAT", 0.3), "cnn", "20250120_100000", true, 0, offset++));
            if (i % 20 == 0) {
                executions.add(new ExecutionRow("e-" + i, "t-" + i, id, t, "BTC-USDT-SWAP", "LONG", price, 0.01,
                        price * 0.99, price * 1.02, 0.2, 0.05, "baseline", "rules", "PAPER", 0, i));
                outcomes.add(new OutcomeRow("o-" + i, "t-" + i, t.plusSeconds(30), "BTC-USDT-SWAP", price,
                        i % 40 == 0 ? 4.0 : -3.0, 0.1, 30_000L, "TP", "baseline", "rules", 0, i));
            }
        }
        ExperienceLayout layout = new ExperienceLayout(dataDir);
        ParquetFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);
        write(layout, parquet, ExperienceKind.DECISIONS, decisions, DecisionRow::kafkaOffset);
        write(layout, parquet, ExperienceKind.EXECUTIONS, executions, ExecutionRow::kafkaOffset);
        write(layout, parquet, ExperienceKind.OUTCOMES, outcomes, OutcomeRow::kafkaOffset);
    }

    private static <R extends ExperienceRow> void write(ExperienceLayout layout, ParquetFormat parquet,
                                                        ExperienceKind<R> kind, List<R> rows,
                                                        Function<R, Long> offset) throws IOException {
        Map<LocalDate, List<R>> byDay = new TreeMap<>();
        for (R row : rows) {
            byDay.computeIfAbsent(LocalDate.ofInstant(row.eventTime(), ZoneOffset.UTC), d -> new ArrayList<>()).add(row);
        }
        for (var day : byDay.entrySet()) {
            List<R> dayRows = day.getValue();
            Path file = layout.partFile(kind, day.getKey(), 0, offset.apply(dayRows.get(0)),
                    offset.apply(dayRows.get(dayRows.size() - 1)), ParquetFormat.EXTENSION);
            AtomicFiles.write(file, temp -> parquet.write(kind, dayRows, temp, Map.of()));
        }
    }
}
