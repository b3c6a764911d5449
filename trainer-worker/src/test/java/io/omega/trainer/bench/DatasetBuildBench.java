package io.omega.trainer.bench;

import io.omega.config.TrainingConfig;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.WindowedDataset;
import io.omega.store.ExperienceStore;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.trainer.dl4j.TrainingRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dataset build speed from Parquet, as a training run does it: {@link TrainingRows#load} reads the experience files
 * of the last days through {@code ExperienceStore} (decisions, executions and outcomes; shadow decisions left out)
 * and {@link DatasetBuilder#buildFromLogs} cuts the rows into windows of 50 with a horizon of 10 and labels them.
 * The files are the trainer tests' synthetic minute bars (a production and a shadow decision per bar, 3 features),
 * one part file per kind and day as the sink writes them.
 *
 * <pre>java -cp "$(cat target/bench.cp):target/classes:target/test-classes" io.omega.trainer.bench.DatasetBuildBench [bars] [rounds]</pre>
 */
public final class DatasetBuildBench {

    public static void main(String[] args) throws Exception {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("dataset-bench-");
        try {
            Instant first = Instant.now().minus(Duration.ofMinutes(bars + 60L));
            SyntheticExperience.writeMinuteBars(dir, first, bars, 7);
            int daysBack = bars / 1440 + 2;
            TrainingConfig config = new TrainingConfig(daysBack, 1, 512, 50, 10, TrainingConfig.TargetType.DIRECTION,
                    10, 0.001, 42, 0.15, 0.15);
            System.out.printf("%,d bars (%,d decision rows incl. shadow), %d days, window 50, horizon 10%n", bars,
                    2L * bars, daysBack);
            System.out.println("| round | load: decision rows read per s | build: market rows per s | windows | end to end: decision rows per s |");
            System.out.println("|---|---|---|---|---|");
            List<Double> loadRates = new ArrayList<>();
            List<Double> buildRates = new ArrayList<>();
            List<Double> totalRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                TrainingRows.Loaded loaded = new TrainingRows(new ExperienceStore(dir)).load(daysBack);
                long t1 = System.nanoTime();
                WindowedDataset dataset = new DatasetBuilder().buildFromLogs(loaded.rows(),
                        DatasetSpec.of(loaded.features(), config));
                long t2 = System.nanoTime();
                long decisionRows = loaded.rows().size() + (long) loaded.shadowSkipped();
                if (decisionRows != 2L * bars) {
                    throw new IllegalStateException("read " + decisionRows + " decision rows, wrote " + 2L * bars);
                }
                double load = decisionRows / ((t1 - t0) / 1e9);
                double build = loaded.rows().size() / ((t2 - t1) / 1e9);
                double total = decisionRows / ((t2 - t0) / 1e9);
                loadRates.add(load);
                buildRates.add(build);
                totalRates.add(total);
                System.out.printf("| %d | %,.0f | %,.0f | %,d | %,.0f |%n", round, load, build, dataset.samples().size(), total);
            }
            System.out.printf("median: load %,.0f decision rows/s, build %,.0f market rows/s, end to end %,.0f decision rows/s%n",
                    median(loadRates), median(buildRates), median(totalRates));
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
