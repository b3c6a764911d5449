package io.omega.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.sink.dlq.DeadLetters;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.ExperienceStore;
import io.omega.store.Experiences;
import io.omega.store.OutcomeRow;
import io.omega.store.format.CsvFormat;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.ParquetFormat;
import io.omega.store.layout.ExperienceLayout;
import io.omega.store.layout.PartFile;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink against the real test broker, in this JVM (sharing the in-memory schema registry with the producer). */
@ExtendWith(KafkaBrokerExtension.class)
class TradeLoggerSinkIT {

    private static final Instant TODAY_NOON = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
    /** Reads as of the day the events were made for, even if the test runs across midnight. */
    private static final Clock AT_TODAY_NOON = Clock.fixed(TODAY_NOON, ZoneOffset.UTC);

    private final String bootstrap;
    private final KafkaFixture kafka;
    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    @TempDir
    Path data;

    TradeLoggerSinkIT(KafkaTestBroker broker) {
        this.bootstrap = broker.bootstrapServers();
        this.kafka = new KafkaFixture(bootstrap);
    }

    @BeforeAll
    static void topics(KafkaTestBroker broker) {
        new KafkaFixture(broker.bootstrapServers()).installTopics();
    }

    /** No day closes within a year, so these tests see part files only (whatever the time of day). */
    private SinkSettings settings(String group, ExperienceFileFormat format) {
        return new SinkSettings(data, format, bootstrap, "test-sink", group, 50, Duration.ofMillis(200),
                Duration.ofDays(365), 90, Duration.ofHours(1), "");
    }

    @Test
    void aCaughtUpSinkCompactsClosedDaysWithoutNewRecordsAndARestartedOneAtOnce() throws Exception {
        String group = "sink-idle-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        // Two closed days, the later one last: by event time alone (the watermark stays inside it) it never closes.
        LocalDate earlier = LocalDate.ofInstant(TODAY_NOON, ZoneOffset.UTC).minusDays(3);
        LocalDate later = earlier.plusDays(1);
        Set<String> ids = new HashSet<>();
        produceDecisions(earlier, 200, "a", ids);
        produceDecisions(later, 200, "b", ids);
        // Grace 60 min, maintenance once an hour: only the pass a sink makes once it has caught up can compact.
        SinkSettings settings = new SinkSettings(data, new ParquetFormat(CompressionCodecName.ZSTD), bootstrap,
                "test-sink", group, 50, Duration.ofMillis(200), Duration.ofMinutes(60), 90, Duration.ofHours(1), "");
        ExperienceLayout layout = new ExperienceLayout(data);

        runUntil(settings, () -> compactedGeneration(layout, earlier) == 1 && compactedGeneration(layout, later) == 1);
        assertExactlyOnce(ids);

        // Late records for the earlier day, consumed by a new sink process: it compacts them in right away.
        produceDecisions(earlier, 70, "c", ids);
        runUntil(settings, () -> compactedGeneration(layout, earlier) == 2);
        assertThat(compactedGeneration(layout, later)).isEqualTo(1);
        assertExactlyOnce(ids);
    }

    @Test
    void asAServiceItCountsIntoTheBoundRegistryAndWritesEverythingBeforeCloseReturns() throws Exception {
        String group = "sink-service-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        SinkService service = new SinkService(settings(group, new ParquetFormat(CompressionCodecName.ZSTD)), serdes,
                Clock.systemUTC());
        var metrics = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        service.bindMetrics(metrics);
        service.start();
        Set<String> ids = new HashSet<>();
        produceDecisions(LocalDate.ofInstant(TODAY_NOON, ZoneOffset.UTC).minusDays(1), 120, "svc", ids);

        await(() -> service.sink().stats().of(ExperienceKind.DECISIONS).totalLogged() == 120);
        assertThat(service.health()).isEqualTo(io.omega.service.Health.up("consuming"));
        assertThat(metrics.scrape()).contains("omega_sink_rows_logged_total{kind=\"decisions\"} 120.0")
                .contains("omega_sink_rows_logged_total{kind=\"outcomes\"} 0.0");

        service.close();
        assertThat(service.ended().toCompletableFuture()).isCompleted();
        assertThat(service.health()).isEqualTo(io.omega.service.Health.down("stopped"));
        assertExactlyOnce(ids);
    }

    /** The generation of a day's compacted file when the day holds that file alone, else -1. */
    private static int compactedGeneration(ExperienceLayout layout, LocalDate day) {
        var files = layout.dayFiles(ExperienceKind.DECISIONS, day);
        if (!files.parts().isEmpty() || files.compacted().isEmpty()) {
            return -1;
        }
        return io.omega.store.layout.CompactedFile.parse(files.compacted().get(), ExperienceKind.DECISIONS, day)
                .orElseThrow().generation();
    }

    private void runUntil(SinkSettings settings, BooleanSupplier condition) throws Exception {
        TradeLoggerSink sink = new TradeLoggerSink(settings, serdes, new SimpleMeterRegistry(), Clock.systemUTC());
        new Thread(sink, "sink-under-test").start();
        try {
            await(condition);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }
    }

    private void assertExactlyOnce(Set<String> ids) throws Exception {
        List<DecisionRow> rows = new ExperienceStore(data, AT_TODAY_NOON).load(ExperienceKind.DECISIONS, 7)
                .requireComplete().rows();
        assertThat(rows).hasSize(ids.size());
        assertThat(rows).extracting(DecisionRow::id).containsExactlyInAnyOrderElementsOf(ids);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement();
             var r = st.executeQuery("SELECT count(*), count(DISTINCT id) FROM read_parquet('"
                     + new ExperienceLayout(data).kindDir(ExperienceKind.DECISIONS)
                     + "/**/*.parquet', hive_partitioning=true)")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(ids.size());
            assertThat(r.getLong(2)).isEqualTo(ids.size());
        }
    }

    private void produceDecisions(LocalDate day, int n, String prefix, Set<String> ids) throws Exception {
        Serializer<Decision> ds = serdes.valueSerializer(Decision.class);
        String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            for (int i = 0; i < n; i++) {
                Decision d = Events.decision(run + "-" + i, i, day.atTime(10, 0).toInstant(ZoneOffset.UTC).plusSeconds(i));
                producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key(d.getSymbol()),
                        ds.serialize(Topics.DECISIONS.name(), d)));
                ids.add(d.getId());
            }
            producer.flush();
        }
    }

    @Test
    void keepsEveryEventOnceInDailyParquetFilesAndSendsUndecodableRecordsToTheDeadLetterTopic() throws Exception {
        String group = "sink-it-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        Map<TopicPartition, Long> dlqStart = kafka.endOffsets(List.of(Topics.deadLetterTopic(Topics.DECISIONS.name()),
                Topics.deadLetterTopic(Topics.OUTCOMES.name())));

        // 300 decisions over yesterday and today, 100 executions, 100 outcomes; and 4 records nobody can decode.
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        byte[] wrongSchemaId = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3};
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            produce(producer, 300, 100, 100);
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key("BTC-USDT-SWAP"), garbage)).get();
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key("ETH-USDT-SWAP"), wrongSchemaId)).get();
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key("SOL-USDT-SWAP"), new byte[0])).get();
            producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), key("BTC-USDT-SWAP"), null)).get();
        }

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TradeLoggerSink sink = new TradeLoggerSink(settings(group, new ParquetFormat(CompressionCodecName.ZSTD)), serdes,
                metrics, Clock.systemUTC());
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        try {
            await(() -> sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == 300
                    && sink.stats().of(ExperienceKind.EXECUTIONS).totalLogged() == 100
                    && sink.stats().of(ExperienceKind.OUTCOMES).totalLogged() == 100
                    && sink.stats().deadLetters() == 4);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }

        ExperienceStore store = new ExperienceStore(data, AT_TODAY_NOON);
        Experiences<DecisionRow> decisions = store.load(ExperienceKind.DECISIONS, 2).requireComplete();
        assertThat(decisions.size()).isEqualTo(300);
        assertThat(decisions.rows().stream().map(DecisionRow::id).distinct().count()).isEqualTo(300);
        assertThat(decisions.rows().stream().filter(DecisionRow::isShadow).count()).isEqualTo(75);
        assertThat(decisions.rows().stream().filter(DecisionRow::backfilled).count()).isEqualTo(60);
        assertThat(decisions.rows().stream().mapToDouble(DecisionRow::price).sum())
                .isEqualTo(sum(300, Events::price));
        assertThat(decisions.bySymbol()).containsOnlyKeys(Events.SYMBOLS);
        decisions.bySymbol().values().forEach(rows -> assertThat(rows).isSortedAccordingTo(
                (a, b) -> a.eventTime().compareTo(b.eventTime())));
        assertThat(store.load(ExperienceKind.DECISIONS, 1).size()).isEqualTo(150); // today only
        Experiences<ExecutionRow> executions = store.load(ExperienceKind.EXECUTIONS, 2).requireComplete();
        assertThat(executions.rows().stream().mapToDouble(ExecutionRow::size).sum()).isEqualTo(sum(100, Events::size));
        assertThat(executions.rows().stream().filter(ExecutionRow::backfilled).count()).isEqualTo(20);
        Experiences<OutcomeRow> outcomes = store.load(ExperienceKind.OUTCOMES, 2).requireComplete();
        assertThat(outcomes.rows().stream().mapToDouble(OutcomeRow::pnl).sum()).isEqualTo(sum(100, Events::pnl));
        assertThat(outcomes.rows().stream().filter(OutcomeRow::backfilled).count()).isEqualTo(20);

        // Every part file holds only offsets within the range its name gives, on the day its directory gives.
        assertPartFilesMatchTheirNames(ExperienceKind.DECISIONS);

        // Stats and metrics agree with the files.
        long decisionFiles = countFiles(ExperienceKind.DECISIONS);
        assertThat(sink.stats().of(ExperienceKind.DECISIONS).filesCreated()).isEqualTo(decisionFiles);
        assertThat(sink.stats().of(ExperienceKind.DECISIONS).lastFlush()).isPresent();
        assertThat(metrics.get("omega.sink.rows.logged").tag("kind", "decisions").counter().count()).isEqualTo(300);
        assertThat(metrics.get("omega.sink.files.created").tag("kind", "decisions").counter().count())
                .isEqualTo(decisionFiles);

        // The rejected records, unchanged, with the reason in headers.
        List<ConsumerRecord<byte[], byte[]>> dlq = kafka.readFrom(Topics.deadLetterTopic(Topics.DECISIONS.name()), dlqStart);
        assertThat(dlq).hasSize(3);
        assertThat(dlq).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(garbage, wrongSchemaId, new byte[0]);
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            assertThat(header(r, DeadLetters.ERROR)).contains("omega.decisions");
            assertThat(header(r, DeadLetters.SOURCE_TOPIC)).isEqualTo("omega.decisions");
            assertThat(header(r, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
        }
        // An unknown schema id is named, with where the record was.
        assertThat(dlq).filteredOn(r -> java.util.Arrays.equals(r.value(), wrongSchemaId)).singleElement()
                .satisfies(r -> assertThat(header(r, DeadLetters.ERROR)).isEqualTo("cannot decode a Decision from topic "
                        + "omega.decisions: schema id 32639 is not in the schema registry (it answered 404) (record at "
                        + "omega.decisions partition " + header(r, DeadLetters.SOURCE_PARTITION) + ", offset "
                        + header(r, DeadLetters.SOURCE_OFFSET) + ")"));
        List<ConsumerRecord<byte[], byte[]>> outcomeDlq =
                kafka.readFrom(Topics.deadLetterTopic(Topics.OUTCOMES.name()), dlqStart);
        assertThat(outcomeDlq).singleElement().satisfies(r -> {
            assertThat(r.value()).isNull();
            assertThat(header(r, DeadLetters.ERROR)).contains("tombstone");
        });
    }

    @Test
    void honoursCsvAsTheLogFileFormat() throws Exception {
        String group = "sink-csv-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            produce(producer, 120, 30, 30);
        }
        TradeLoggerSink sink = new TradeLoggerSink(settings(group, CsvFormat.INSTANCE), serdes, new SimpleMeterRegistry(),
                Clock.systemUTC());
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        try {
            await(() -> sink.stats().snapshot().values().stream().mapToLong(s -> s.totalLogged()).sum() == 180);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }
        try (Stream<Path> files = Files.walk(new ExperienceLayout(data).root())) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty().allSatisfy(f -> assertThat(f.toString()).endsWith(".csv"));
        }
        ExperienceStore store = new ExperienceStore(data, AT_TODAY_NOON);
        Experiences<DecisionRow> decisions = store.load(ExperienceKind.DECISIONS, 2).requireComplete();
        assertThat(decisions.size()).isEqualTo(120);
        assertThat(decisions.rows().stream().mapToDouble(DecisionRow::price).sum()).isEqualTo(sum(120, Events::price));
        DecisionRow first = decisions.rows().stream().filter(r -> r.id().endsWith("-d-0")).findFirst().orElseThrow();
        assertThat(first.marketFeatures()).containsEntry("rsi", 50.0).containsEntry("close", 100.0);
        assertThat(first.isShadow()).isTrue();
        assertThat(store.load(ExperienceKind.OUTCOMES, 2).requireComplete().rows().stream()
                .mapToDouble(OutcomeRow::pnl).sum()).isEqualTo(sum(30, Events::pnl));
    }

    @Test
    void filesOfAFlushThatWasNeverCommittedAreReplacedNotDuplicated() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            produce(producer, 30, 0, 0); // so that every partition has offsets before the group's start
        }
        String group = "sink-recovery-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        TopicPartition p = kafka.endOffsets(List.of(Topics.DECISIONS.name())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long start = kafka.endOffsets(List.of(Topics.DECISIONS.name())).get(p);
        assertThat(start).isPositive();

        // What a crash between publishing a flush and committing it leaves: files from the group's committed
        // position on (here with made-up rows, so a duplicate would show), and one committed file before it.
        ExperienceLayout layout = new ExperienceLayout(data);
        ParquetFormat parquet = new ParquetFormat(CompressionCodecName.ZSTD);
        LocalDate today = LocalDate.ofInstant(TODAY_NOON, ZoneOffset.UTC);
        Path uncommittedToday = layout.partFile(ExperienceKind.DECISIONS, today, p.partition(), start, start + 36, "parquet");
        Path uncommittedYesterday = layout.partFile(ExperienceKind.DECISIONS, today.minusDays(1), p.partition(), start,
                start + 36, "parquet");
        Path committed = layout.partFile(ExperienceKind.DECISIONS, today, p.partition(), start - 1, start - 1, "parquet");
        for (Path file : List.of(uncommittedToday, uncommittedYesterday, committed)) {
            Files.createDirectories(file.getParent());
            long offset = file == committed ? start - 1 : start;
            parquet.write(ExperienceKind.DECISIONS, List.of(new DecisionRow("ghost-" + file.getFileName() + offset,
                    TODAY_NOON, "BTC-USDT-SWAP", 1, Map.of(), "LONG", 1, Map.of(), "cnn", "v", false, p.partition(),
                    offset)), file, Map.of());
        }
        try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
            produce(producer, 90, 0, 0);
        }

        TradeLoggerSink sink = new TradeLoggerSink(settings(group, parquet), serdes, new SimpleMeterRegistry(),
                Clock.systemUTC());
        new Thread(sink, "sink-under-test").start();
        try {
            await(() -> sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == 90);
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }

        List<DecisionRow> rows = new ExperienceStore(data, AT_TODAY_NOON).load(ExperienceKind.DECISIONS, 2).requireComplete().rows();
        assertThat(rows).filteredOn(r -> r.id().startsWith("ghost-")).extracting(DecisionRow::kafkaOffset)
                .containsExactly(start - 1);
        assertThat(rows).hasSize(91);
        assertThat(rows).extracting(DecisionRow::id).doesNotHaveDuplicates();
        assertThat(Files.exists(committed)).isTrue();
    }

    private void produce(KafkaProducer<byte[], byte[]> producer, int decisions, int executions, int outcomes)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Serializer<Decision> ds = serdes.valueSerializer(Decision.class);
        Serializer<Execution> es = serdes.valueSerializer(Execution.class);
        Serializer<Outcome> os = serdes.valueSerializer(Outcome.class);
        for (int i = 0; i < decisions; i++) {
            // Half yesterday, half today, interleaved so that flushes span both days.
            Instant t = TODAY_NOON.minus(Duration.ofDays(i % 2)).plusSeconds(i);
            Decision d = Events.decision(run + "-d-" + i, i, t);
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key(d.getSymbol()),
                    ds.serialize(Topics.DECISIONS.name(), d)));
        }
        for (int i = 0; i < executions; i++) {
            Execution e = Events.execution(run + "-e-" + i, i, TODAY_NOON.plusSeconds(i));
            producer.send(new ProducerRecord<>(Topics.EXECUTIONS.name(), key(e.getSymbol()),
                    es.serialize(Topics.EXECUTIONS.name(), e)));
        }
        for (int i = 0; i < outcomes; i++) {
            Outcome o = Events.outcome(run + "-o-" + i, i, TODAY_NOON.plusSeconds(i));
            producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), key(o.getSymbol()),
                    os.serialize(Topics.OUTCOMES.name(), o)));
        }
        producer.flush();
    }

    private void assertPartFilesMatchTheirNames(ExperienceKind<?> kind) throws Exception {
        ExperienceLayout layout = new ExperienceLayout(data);
        Set<String> seen = new HashSet<>();
        for (LocalDate day : layout.days(kind)) {
            for (PartFile part : layout.dayFiles(kind, day).parts()) {
                seen.add(part.fileName());
                List<? extends ExperienceRow> rows = ExperienceFileFormat.forFile(part.path()).read(kind, part.path()).rows();
                assertThat(rows).isNotEmpty().allSatisfy(r -> {
                    assertThat(r.kafkaPartition()).isEqualTo(part.partition());
                    assertThat(r.kafkaOffset()).isBetween(part.firstOffset(), part.lastOffset());
                    assertThat(LocalDate.ofInstant(r.eventTime(), ZoneOffset.UTC)).isEqualTo(day);
                });
            }
        }
        // Flushes that spanned both days wrote one file per day under the same name.
        assertThat(layout.days(kind)).hasSize(2);
        assertThat(seen).isNotEmpty();
    }

    private long countFiles(ExperienceKind<?> kind) {
        ExperienceLayout layout = new ExperienceLayout(data);
        return layout.days(kind).stream().mapToLong(d -> layout.dayFiles(kind, d).parts().size()).sum();
    }

    private static double sum(int n, java.util.function.IntToDoubleFunction value) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += value.applyAsDouble(i);
        }
        return s;
    }

    private static byte[] key(String symbol) {
        return symbol.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
