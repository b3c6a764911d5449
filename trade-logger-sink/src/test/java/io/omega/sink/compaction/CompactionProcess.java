package io.omega.sink.compaction;

import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code CompactionProcess DATA_DIR PASSES}: what a sink does to its files at start and in its maintenance passes
 * (remove a predecessor's leftovers, then compact every closed day), in a JVM of its own, so that crash tests can
 * halt it ({@link CompactionSteps#HALT_AT}) or kill it at any point.
 */
public final class CompactionProcess {

    static final String STARTED = "compaction process started";
    static final String DONE = "compaction process done";

    private CompactionProcess() {
    }

    public static void main(String[] args) throws Exception {
        ExperienceLayout layout = new ExperienceLayout(Path.of(args[0]));
        int passes = Integer.parseInt(args[1]);
        CompactionSteps steps = CompactionSteps.fromSystemProperties();
        new Leftovers(layout, CompactionSteps.NONE).removeAtStart();
        DayCompactor compactor = new DayCompactor(layout, new ParquetFormat(CompressionCodecName.ZSTD), Duration.ZERO,
                DirectorySwap.platform(), steps);
        System.out.println(STARTED);
        System.out.flush();
        for (int pass = 0; pass < passes; pass++) {
            DayCompactor.Result result = compactor.compactClosedDays(Instant.now());
            if (!result.failed().isEmpty()) {
                System.out.println("failed: " + result.failed());
                System.exit(1);
            }
        }
        System.out.println(DONE);
    }
}
