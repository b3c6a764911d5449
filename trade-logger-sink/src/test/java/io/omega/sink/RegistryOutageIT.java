package io.omega.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import io.omega.sink.decode.SinkTopic;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;
import io.omega.store.format.ParquetFormat;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema-registry outage stalls the sink instead of turning valid records into dead letters. A real Apicurio
 * Registry process (keeping its schemas on disk, so a restart serves the same ids) is stopped after the producer
 * has registered its schemas; more records are produced; the sink starts while the registry is down, so it has no
 * schema cached. It must write nothing, dead-letter nothing, commit nothing and say it is unhealthy; once the
 * registry is started again on the same port it must write every record exactly once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryOutageIT {

    private static final int DECISIONS = 400;
    private static final int OUTCOMES = 200;
    private static final Instant NOON = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));

    private final String bootstrap;
    private final KafkaFixture kafka;

    @TempDir
    Path dir;

    RegistryOutageIT(KafkaTestBroker broker) {
        this.bootstrap = broker.bootstrapServers();
        this.kafka = new KafkaFixture(bootstrap);
    }

    @BeforeAll
    static void topics(KafkaTestBroker broker) {
        new KafkaFixture(broker.bootstrapServers()).installTopics();
    }

    @Test
    void anUnreachableRegistryStallsTheSinkWhichResumesWithEveryRecordAndNoDeadLetter() throws Exception {
        String group = "sink-outage-" + UUID.randomUUID();
        kafka.startGroupAtEnd(group);
        Map<TopicPartition, Long> start = kafka.endOffsets(SinkTopic.names());
        List<String> dlqTopics = SinkTopic.names().stream().map(Topics::deadLetterTopic).toList();
        Map<TopicPartition, Long> dlqStart = kafka.endOffsets(dlqTopics);
        String run = UUID.randomUUID().toString().substring(0, 8);

        try (ApicurioRegistryProcess registry = ApicurioRegistryProcess.startPersistent(dir.resolve("registry"))) {
            OmegaSerdes producerSerdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL,
                    registry.registryApiUrl(), true));
            Serializer<Decision> decisions = producerSerdes.valueSerializer(Decision.class);
            Serializer<Outcome> outcomes = producerSerdes.valueSerializer(Outcome.class);
            try (KafkaProducer<byte[], byte[]> producer = kafka.rawProducer()) {
                // Half while the registry is up (this registers both schemas, which the serializer then caches) ...
                produce(producer, decisions, outcomes, run, 0, DECISIONS / 2, 0, OUTCOMES / 2);
                registry.stop();
                // ... and half while it is down.
                produce(producer, decisions, outcomes, run, DECISIONS / 2, DECISIONS, OUTCOMES / 2, OUTCOMES);
            }

            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            SinkSettings settings = new SinkSettings(dir.resolve("data"), new ParquetFormat(CompressionCodecName.ZSTD),
                    bootstrap, "outage-sink", group, 100, Duration.ofMillis(300), Duration.ofMinutes(60), 90,
                    Duration.ofHours(1), "");
            TradeLoggerSink sink = new TradeLoggerSink(settings, new OmegaSerdes(new SchemaRegistryConfig(
                    RegistryMode.URL, registry.registryApiUrl(), false)), metrics, Clock.systemUTC());
            Thread thread = new Thread(sink, "sink-under-test");
            thread.start();
            try {
                // Stalled: unhealthy, several attempts made, and nothing written, dead-lettered or committed.
                await(Duration.ofSeconds(60), () -> metrics.counter("omega.sink.registry.unavailable").count() >= 3);
                assertThat(sink.health().up()).isFalse();
                assertThat(sink.health().detail()).contains("waiting for the schema registry");
                assertThat(metrics.get("omega.sink.registry.waiting").gauge().value()).isPositive();
                assertThat(sink.stats().snapshot().values()).allSatisfy(k -> assertThat(k.totalLogged()).isZero());
                assertThat(sink.stats().deadLetters()).isZero();
                assertThat(committed(group)).allSatisfy((tp, offset) -> assertThat(offset).isEqualTo(start.get(tp)));

                registry.restart();

                await(Duration.ofSeconds(90), () -> sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == DECISIONS
                        && sink.stats().of(ExperienceKind.OUTCOMES).totalLogged() == OUTCOMES);
                await(Duration.ofSeconds(30), () -> sink.health().up());
                assertThat(metrics.get("omega.sink.registry.waiting").gauge().value()).isZero();
            } finally {
                sink.close();
                assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(sink.stats().deadLetters()).isZero();
        }

        assertThat(kafka.caughtUp(group, kafka.endOffsets(SinkTopic.names()))).isTrue();
        assertThat(kafka.endOffsets(dlqTopics)).isEqualTo(dlqStart);
        ExperienceStore store = new ExperienceStore(dir.resolve("data"), Clock.fixed(NOON, java.time.ZoneOffset.UTC));
        List<DecisionRow> decisionRows = store.load(ExperienceKind.DECISIONS, 1).requireComplete().rows();
        List<OutcomeRow> outcomeRows = store.load(ExperienceKind.OUTCOMES, 1).requireComplete().rows();
        assertThat(decisionRows).hasSize(DECISIONS);
        assertThat(decisionRows).extracting(DecisionRow::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(run + "-d-"));
        assertThat(outcomeRows).hasSize(OUTCOMES);
        assertThat(outcomeRows).extracting(OutcomeRow::id).doesNotHaveDuplicates();
    }

    private static void produce(KafkaProducer<byte[], byte[]> producer, Serializer<Decision> decisions,
                                Serializer<Outcome> outcomes, String run, int fromDecision, int toDecision,
                                int fromOutcome, int toOutcome) throws Exception {
        for (int i = fromDecision; i < toDecision; i++) {
            Decision d = Events.decision(run + "-d-" + i, i, NOON.plusSeconds(i));
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), d.getSymbol().getBytes(StandardCharsets.UTF_8),
                    decisions.serialize(Topics.DECISIONS.name(), d)));
        }
        for (int i = fromOutcome; i < toOutcome; i++) {
            Outcome o = Events.outcome(run + "-o-" + i, i, NOON.plusSeconds(i));
            producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), o.getSymbol().getBytes(StandardCharsets.UTF_8),
                    outcomes.serialize(Topics.OUTCOMES.name(), o)));
        }
        producer.flush();
    }

    private Map<TopicPartition, Long> committed(String group) throws Exception {
        try (var admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new java.util.HashMap<>();
            offsets.forEach((tp, o) -> out.put(tp, o.offset()));
            return out;
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
