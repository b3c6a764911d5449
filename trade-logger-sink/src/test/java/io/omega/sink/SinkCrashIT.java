package io.omega.sink;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.sink.compaction.CompactionStep;
import io.omega.sink.compaction.CompactionSteps;
import io.omega.sink.decode.SinkTopic;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;
import io.omega.store.layout.ExperienceLayout;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.testing.registry.ApicurioRegistryExtension;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once claim under SIGKILL: the sink runs as its own JVM ({@link SinkMain}), against the shared
 * broker and the real schema registry; while 50,000 events (and 3 undecodable records) are produced it is killed
 * with SIGKILL at 5 random moments and restarted each time. Afterwards the files hold exactly 50,000 rows with 50,000 distinct ids, and
 * DuckDB, reading the directory on its own, agrees on counts and sums.
 */
@ExtendWith({KafkaBrokerExtension.class, ApicurioRegistryExtension.class})
class SinkCrashIT {

    private static final int EVENTS = 50_000;
    private static final int KILLS = 5;
    /** Events per second: production takes about 20 s, so the kills land while records keep arriving. */
    private static final int RATE = 2_500;

    private final String bootstrap;
    private final String registryUrl;
    private final KafkaFixture kafka;

    @TempDir
    Path dir;

    SinkCrashIT(KafkaTestBroker broker, ApicurioRegistryProcess registry) {
        this.bootstrap = broker.bootstrapServers();
        this.registryUrl = registry.registryApiUrl();
        this.kafka = new KafkaFixture(bootstrap);
    }

    @BeforeAll
    static void topics(KafkaTestBroker broker) {
        new KafkaFixture(broker.bootstrapServers()).installTopics();
    }

    @Test
    void fiftyThousandEventsSurviveFiveKillsExactlyOnce() throws Exception {
        String group = "sink-crash-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        Map<TopicPartition, Long> start = kafka.endOffsets(SinkTopic.names());
        Map<TopicPartition, Long> dlqStart = kafka.endOffsets(List.of(Topics.deadLetterTopic(Topics.DECISIONS.name())));
        // Three records nobody can decode, among the events: they go to the dead-letter topic, not into files.
        List<byte[]> undecodable = List.of("not avro".getBytes(StandardCharsets.UTF_8),
                new byte[]{0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4}, new byte[]{0, 0, 0, 0, 1});
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            for (byte[] value : undecodable) {
                producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), "BTC-USDT-SWAP".getBytes(StandardCharsets.UTF_8),
                        value)).get();
            }
        }
        Path data = dir.resolve("data");
        Path config = dir.resolve("sink.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                schema_registry:
                  mode: "url"
                  url: "%s"
                storage:
                  data_dir: "%s"
                sink:
                  group_id: "%s"
                  flush_records: 100
                  flush_interval_ms: 500
                  instance_id: "crash-test-sink"
                """.formatted(bootstrap, registryUrl, data, group));

        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path log = dir.resolve("sink.log");
        Expected expected = new Expected();
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(expected));

        int kills = 0;
        Process sink = startSink(config, log);
        try {
            while (kills < KILLS) {
                Thread.sleep(1_500 + random.nextInt(3_500));
                sink.destroyForcibly();
                assertThat(sink.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                sink = startSink(config, log);
            }
            producing.get(120, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = kafka.endOffsets(SinkTopic.names());
            assertThat(end.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum())
                    .isEqualTo(EVENTS + undecodable.size());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!kafka.caughtUp(group, end)) {
                assertThat(sink.isAlive()).as("sink process alive; log:%n%s", tail(log)).isTrue();
                assertThat(System.nanoTime()).as("sink caught up within 90 s; log:%n%s", tail(log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            sink.destroy(); // SIGTERM: a clean stop, nothing left to write
            assertThat(sink.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sink.destroyForcibly();
        }
        assertThat(kills).isEqualTo(KILLS);

        // The reader of the trainer and evaluator sees each event exactly once.
        ExperienceStore store = new ExperienceStore(data);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<DecisionRow> decisions = store.load(ExperienceKind.DECISIONS, today.minusDays(3), today).requireComplete().rows();
        List<ExecutionRow> executions = store.load(ExperienceKind.EXECUTIONS, today.minusDays(3), today).requireComplete().rows();
        List<OutcomeRow> outcomes = store.load(ExperienceKind.OUTCOMES, today.minusDays(3), today).requireComplete().rows();
        assertThat(decisions.size() + executions.size() + outcomes.size()).isEqualTo(EVENTS);
        Set<String> ids = new HashSet<>();
        Stream.of(decisions, executions, outcomes).flatMap(List::stream).map(ExperienceRow::id).forEach(ids::add);
        assertThat(ids).hasSize(EVENTS);
        assertThat(decisions).hasSize(expected.decisions);
        assertThat(executions).hasSize(expected.executions);
        assertThat(outcomes).hasSize(expected.outcomes);

        // An independent reader, over the directory as any analyst would query it.
        ExperienceLayout layout = new ExperienceLayout(data);
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = connection.createStatement()) {
            String d = glob(layout, ExperienceKind.DECISIONS);
            String e = glob(layout, ExperienceKind.EXECUTIONS);
            String o = glob(layout, ExperienceKind.OUTCOMES);
            try (ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT id) FROM (SELECT id FROM " + d
                    + " UNION ALL SELECT id FROM " + e + " UNION ALL SELECT id FROM " + o + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(EVENTS);
                assertThat(rs.getLong(2)).isEqualTo(EVENTS);
            }
            try (ResultSet rs = sql.executeQuery("SELECT count(*), sum(price), sum(CASE WHEN is_shadow THEN 1 ELSE 0 END), "
                    + "count(DISTINCT date) FROM " + d)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(expected.decisions);
                assertThat(rs.getDouble(2)).isEqualTo(expected.priceSum);
                assertThat(rs.getLong(3)).isEqualTo(expected.shadows);
                assertThat(rs.getLong(4)).isEqualTo(3);
            }
            try (ResultSet rs = sql.executeQuery("SELECT count(*), sum(size) FROM " + e)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(expected.executions);
                assertThat(rs.getDouble(2)).isEqualTo(expected.sizeSum);
            }
            try (ResultSet rs = sql.executeQuery("SELECT count(*), sum(pnl) FROM " + o)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(expected.outcomes);
                assertThat(rs.getDouble(2)).isEqualTo(expected.pnlSum);
            }
        }
        // Dead letters are at least once (a kill between sending one and committing sends it again): every
        // undecodable record is there, unchanged, with the reason, and nothing else is.
        var dlq = kafka.readFrom(Topics.deadLetterTopic(Topics.DECISIONS.name()), dlqStart);
        assertThat(dlq.stream().map(r -> java.util.HexFormat.of().formatHex(r.value())).distinct().sorted().toList())
                .isEqualTo(undecodable.stream().map(v -> java.util.HexFormat.of().formatHex(v)).sorted().toList());
        assertThat(dlq).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("omega.dlq.error").value(),
                StandardCharsets.UTF_8)).contains("from topic omega.decisions"));

        System.out.printf("crash test: seed %d, %d kills, %d rows; sink log:%n%s%n", seed, kills, ids.size(), tail(log));
    }

    @Test
    void aCleanStopWritesAndCommitsWhatIsBuffered() throws Exception {
        String group = "sink-stop-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        Path data = dir.resolve("stop-data");
        Path config = dir.resolve("stop.yaml");
        // Neither threshold is reached: only the stop can write these records.
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                schema_registry:
                  mode: "url"
                  url: "%s"
                storage:
                  data_dir: "%s"
                sink:
                  group_id: "%s"
                  flush_records: 100000
                  flush_interval_ms: 3600000
                """.formatted(bootstrap, registryUrl, data, group));
        Path log = dir.resolve("stop.log");
        Process sink = startSink(config, log);
        try {
            OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL, registryUrl, true));
            Serializer<Decision> ds = serdes.valueSerializer(Decision.class);
            Set<Integer> partitions = new java.util.TreeSet<>();
            try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
                for (int i = 0; i < 10; i++) {
                    Decision d = Events.decision("stop-" + group + "-" + i, i, Instant.now());
                    partitions.add(producer.send(new ProducerRecord<>(Topics.DECISIONS.name(),
                            d.getSymbol().getBytes(StandardCharsets.UTF_8), ds.serialize(Topics.DECISIONS.name(), d)))
                            .get().partition());
                }
            }
            awaitStableGroup(group);
            // The stop must find the 10 records buffered: the sink logs each partition's first record once.
            for (int partition : partitions) {
                awaitLogLine(log, "Consuming " + Topics.DECISIONS.name() + "-" + partition + " from offset");
            }
            assertThat(new ExperienceStore(data).load(ExperienceKind.DECISIONS, 2).size()).isZero();

            sink.destroy(); // SIGTERM, as Ctrl-C
            assertThat(sink.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sink.destroyForcibly();
        }
        assertThat(new ExperienceStore(data).load(ExperienceKind.DECISIONS, 2).requireComplete().size())
                .as("rows written on stop; log:%n%s", tail(log)).isEqualTo(10);
        assertThat(kafka.caughtUp(group, kafka.endOffsets(List.of(Topics.DECISIONS.name())))).isTrue();
        assertThat(tail(log)).contains("Sink stopped");
    }

    /**
     * The sink halted (as by SIGKILL, through {@link CompactionSteps#HALT_AT}) at each step of a compaction, with
     * late records for compacted days each time: after each halt and after a final clean run, DuckDB's glob and
     * ExperienceStore read every decision exactly once, and the final run leaves each day one compacted file.
     */
    @Test
    void aSinkHaltedAtEachStepOfACompactionLeavesEveryRecordOnceForEveryReader() throws Exception {
        String group = "sink-compaction-halt-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        Path data = dir.resolve("data");
        Path config = dir.resolve("sink.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                schema_registry:
                  mode: "url"
                  url: "%s"
                storage:
                  data_dir: "%s"
                sink:
                  group_id: "%s"
                  flush_records: 100
                  flush_interval_ms: 500
                  instance_id: "compaction-halt-sink"
                """.formatted(bootstrap, registryUrl, data, group));
        Path log = dir.resolve("sink.log");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> closedDays = List.of(today.minusDays(3), today.minusDays(2));
        Set<String> ids = new HashSet<>();
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL, registryUrl, true));
        Serializer<Decision> ds = serdes.valueSerializer(Decision.class);
        ExperienceLayout layout = new ExperienceLayout(data);

        for (CompactionStep step : List.of(CompactionStep.MERGED_FILE_WRITTEN, CompactionStep.STAGED,
                CompactionStep.SWAPPED)) {
            try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
                for (int i = 0; i < 600; i++) {
                    Instant t = closedDays.get(i % 2).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(ids.size());
                    Decision d = Events.decision(step + "-" + group + "-" + i, i, t);
                    producer.send(new ProducerRecord<>(Topics.DECISIONS.name(),
                            d.getSymbol().getBytes(StandardCharsets.UTF_8), ds.serialize(Topics.DECISIONS.name(), d)));
                    ids.add(d.getId().toString());
                }
            }
            Process sink = startSink(config, log, "-D" + CompactionSteps.HALT_AT + "=" + step.name());
            try {
                assertThat(sink.waitFor(90, TimeUnit.SECONDS)).as("halted at %s; log:%n%s", step, tail(log)).isTrue();
                assertThat(sink.exitValue()).as("halted at %s; log:%n%s", step, tail(log))
                        .isEqualTo(CompactionSteps.HALT_STATUS);
            } finally {
                sink.destroyForcibly();
            }
            assertDecisionsExactlyOnce(data, ids, today);
        }

        Process sink = startSink(config, log);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!closedDays.stream().allMatch(day -> layout.dayFiles(ExperienceKind.DECISIONS, day).parts().isEmpty()
                    && layout.dayFiles(ExperienceKind.DECISIONS, day).compacted().isPresent())) {
                assertThat(sink.isAlive()).as("sink alive; log:%n%s", tail(log)).isTrue();
                assertThat(System.nanoTime()).as("days compacted within 90 s; log:%n%s", tail(log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            sink.destroy();
            assertThat(sink.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sink.destroyForcibly();
        }
        assertDecisionsExactlyOnce(data, ids, today);
        for (LocalDate day : closedDays) {
            try (Stream<Path> files = Files.list(layout.dayDir(ExperienceKind.DECISIONS, day))) {
                assertThat(files).hasSize(1);
            }
        }
    }

    private static void assertDecisionsExactlyOnce(Path data, Set<String> ids, LocalDate today) throws Exception {
        List<DecisionRow> rows = new ExperienceStore(data).load(ExperienceKind.DECISIONS, today.minusDays(5), today)
                .requireComplete().rows();
        assertThat(rows).extracting(DecisionRow::id).hasSize(ids.size()).containsExactlyInAnyOrderElementsOf(ids);
        try (var connection = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT id) FROM "
                     + glob(new ExperienceLayout(data), ExperienceKind.DECISIONS))) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ids.size());
            assertThat(rs.getLong(2)).isEqualTo(ids.size());
        }
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            assertThat(System.nanoTime()).as("'%s' logged within 60 s; log:%n%s", text, tail(log)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitStableGroup(String group) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var admin = kafka.admin()) {
            while (true) {
                var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (description.groupState() == org.apache.kafka.common.GroupState.STABLE
                        && !description.members().isEmpty()) {
                    return;
                }
                assertThat(System.nanoTime()).as("group %s stable within 60 s", group).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** What was produced, tallied as it was sent. */
    private static final class Expected {
        int decisions;
        int executions;
        int outcomes;
        long shadows;
        double priceSum;
        double sizeSum;
        double pnlSum;
    }

    private void produce(Expected expected) {
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL, registryUrl, true));
        Serializer<Decision> ds = serdes.valueSerializer(Decision.class);
        Serializer<Execution> es = serdes.valueSerializer(Execution.class);
        Serializer<Outcome> os = serdes.valueSerializer(Outcome.class);
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            for (int i = 0; i < EVENTS; i++) {
                // Three days, interleaved, so that most flushes write files into several day directories.
                Instant t = now.minus(Duration.ofDays(i % 3)).minusMillis(EVENTS - i);
                String id = run + "-" + i;
                switch (i % 5) {
                    case 0, 1, 2 -> {
                        Decision d = Events.decision(id, i, t);
                        expected.decisions++;
                        expected.priceSum += d.getPrice();
                        expected.shadows += d.getIsShadow() ? 1 : 0;
                        send(producer, Topics.DECISIONS.name(), d.getSymbol(), ds.serialize(Topics.DECISIONS.name(), d));
                    }
                    case 3 -> {
                        Execution e = Events.execution(id, i, t);
                        expected.executions++;
                        expected.sizeSum += e.getSize();
                        send(producer, Topics.EXECUTIONS.name(), e.getSymbol(), es.serialize(Topics.EXECUTIONS.name(), e));
                    }
                    default -> {
                        Outcome o = Events.outcome(id, i, t);
                        expected.outcomes++;
                        expected.pnlSum += o.getPnl();
                        send(producer, Topics.OUTCOMES.name(), o.getSymbol(), os.serialize(Topics.OUTCOMES.name(), o));
                    }
                }
                if (i % 250 == 249) {
                    long due = started + (long) ((i + 1) * 1e9 / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value), (m, e) -> {
            if (e != null) {
                throw new IllegalStateException("produce failed", e);
            }
        });
    }

    private static Process startSink(Path config, Path log, String... jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SinkMain.class.getName(), "--config",
                config.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static String glob(ExperienceLayout layout, ExperienceKind<?> kind) {
        return "read_parquet('" + layout.kindDir(kind) + "/**/*.parquet', hive_partitioning=true)";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
