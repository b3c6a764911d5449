package io.omega.app.backfill;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.app.CliRun;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.sink.SinkSettings;
import io.omega.sink.TradeLoggerSink;
import io.omega.sink.decode.SinkTopic;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;
import io.omega.store.format.ParquetFormat;
import io.omega.testing.kafka.ConsumerGroups;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.trainer.dl4j.TrainingRows;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega backfill} against the test broker and a running sink: a user's candles become decisions, executions
 * and outcomes in the experience files, every one marked backfilled and at its bar's own time, which the trainer then
 * finds; backfilling the same file again lands nothing twice.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BackfillIT {

    private static final Pattern PUBLISHED = Pattern.compile("Backfilled BTC-BACKFILL: (\\d+) bars, published (\\d+) "
            + "decisions, (\\d+) executions, (\\d+) outcomes \\(backfilled\\); (\\d+) events already in the experience "
            + "files left out");
    private static final int BARS = 600;

    @TempDir
    Path dir;

    @Test
    void aFileBackfilledTwiceLandsEachEventOnceMarkedBackfilledAndTrainingFindsIt(KafkaTestBroker kafka)
            throws Exception {
        String bootstrap = kafka.bootstrapServers();
        assertThat(CliRun.of("topics", "create", "--bootstrap-servers", bootstrap).exit()).isZero();
        Path data = dir.resolve("data");
        Path config = config(bootstrap, data);
        // Recent bars, so that training's days_back and the sink's retention both cover them.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
        Path file = candles(start);

        String group = "backfill-" + System.nanoTime();
        ConsumerGroups.startAtEnd(bootstrap, group, SinkTopic.names());
        TradeLoggerSink sink = new TradeLoggerSink(new SinkSettings(data, new ParquetFormat(CompressionCodecName.ZSTD),
                bootstrap, "backfill-sink", group, 1000, Duration.ofMillis(200), Duration.ofMinutes(60), 90,
                Duration.ofHours(1), ""), new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true)),
                new SimpleMeterRegistry(), Clock.systemUTC());
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        long[] first;
        try {
            CliRun run = backfill(config, file);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backfilling " + BARS + " bars of BTC-BACKFILL (" + start + " .. "
                    + start.plus(Duration.ofMinutes(BARS)) + ") with the rules (baseline momentum-v1), at their "
                    + "original times\n");
            first = counts(run.out());
            assertThat(first[0]).isEqualTo(BARS);
            assertThat(first[2]).as("executions").isPositive();
            assertThat(first[3]).as("outcomes").isPositive();
            assertThat(first[4]).as("left out").isZero();
            await(() -> logged(sink, ExperienceKind.DECISIONS) == first[1]
                    && logged(sink, ExperienceKind.EXECUTIONS) == first[2]
                    && logged(sink, ExperienceKind.OUTCOMES) == first[3]);

            CliRun again = backfill(config, file);
            assertThat(again.exit()).as(again.err()).isZero();
            long[] second = counts(again.out());
            assertThat(second).containsExactly(BARS, 0, 0, 0, first[1] + first[2] + first[3]);
            Thread.sleep(1000); // what a duplicate would need to land
            assertThat(logged(sink, ExperienceKind.DECISIONS)).isEqualTo(first[1]);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }

        ExperienceStore store = new ExperienceStore(data);
        List<DecisionRow> decisions = rows(store, ExperienceKind.DECISIONS);
        List<ExecutionRow> executions = rows(store, ExperienceKind.EXECUTIONS);
        List<OutcomeRow> outcomes = rows(store, ExperienceKind.OUTCOMES);
        assertThat(decisions).hasSize((int) first[1]);
        assertThat(executions).hasSize((int) first[2]);
        assertThat(outcomes).hasSize((int) first[3]);
        for (List<? extends ExperienceRow> rows : List.of(decisions, executions, outcomes)) {
            assertThat(rows).allMatch(ExperienceRow::backfilled);
            assertThat(rows.stream().map(ExperienceRow::id).distinct().count()).isEqualTo(rows.size());
        }
        // Original times: each decision at the end of its bar, the first once the features have their history.
        assertThat(decisions).allMatch(d -> !d.eventTime().isBefore(start) && !d.eventTime().isAfter(
                start.plus(Duration.ofMinutes(BARS))) && d.eventTime().getEpochSecond() % 60 == 0);
        assertThat(decisions).allMatch(d -> d.modelType().equals("baseline") && d.modelVersion().equals("momentum-v1")
                && !d.isShadow());

        TrainingRows.Loaded training = new TrainingRows(store).load(2);
        assertThat(training.rows()).hasSize(decisions.size());
        assertThat(training.rows().stream().filter(r -> r.outcomePnl() != null).count()).isEqualTo(outcomes.size());
        assertThat(training.features()).isNotEmpty();
    }

    @Test
    void aMalformedFileExitsTwoNamingFileLineAndField(KafkaTestBroker kafka) throws Exception {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, """
                timestamp,open,high,low,close,volume
                1704067200000,100,101,99,100.5,10
                1704067260000,100.5,101,100,x,12
                """);

        CliRun run = backfill(config(kafka.bootstrapServers(), dir.resolve("data")), file);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("omega backfill: prices.csv line 3, field 'close': expected a number, "
                + "got 'x'\n");
    }

    @Test
    void aMissingFileExitsTwoNamingIt(KafkaTestBroker kafka) throws Exception {
        Path missing = dir.resolve("nowhere.csv");

        CliRun run = backfill(config(kafka.bootstrapServers(), dir.resolve("data")), missing);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("omega backfill: ").contains("nowhere.csv");
    }

    private static CliRun backfill(Path config, Path file) {
        return CliRun.of("backfill", "--config", config.toString(), "--file", file.toString(), "--symbol",
                "BTC-BACKFILL");
    }

    private Path config(String bootstrap, Path data) throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                """.formatted(bootstrap, data.toString().replace("\\", "/")));
        return config;
    }

    /** One-minute candles of a seeded random walk: enough moves for the rules to open and close trades. */
    private Path candles(Instant start) throws Exception {
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 40_000;
        for (int i = 0; i < BARS; i++) {
            double open = price;
            double close = open * (1 + random.nextGaussian() * 0.003);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
            csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.3f%n",
                    start.plus(Duration.ofMinutes(i)).toEpochMilli(), open, high, low, close, 1 + random.nextDouble()));
            price = close;
        }
        Path file = dir.resolve("candles.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** bars, decisions, executions, outcomes, left out: from the command's last line. */
    private static long[] counts(String out) {
        Matcher m = PUBLISHED.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long[] counts = new long[5];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Long.parseLong(m.group(i + 1));
        }
        return counts;
    }

    private static <R extends ExperienceRow> List<R> rows(ExperienceStore store, ExperienceKind<R> kind) {
        return store.load(kind, 2).requireComplete().rows();
    }

    private static long logged(TradeLoggerSink sink, ExperienceKind<?> kind) {
        var stats = sink.stats().of(kind);
        return stats == null ? 0 : stats.totalLogged();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
