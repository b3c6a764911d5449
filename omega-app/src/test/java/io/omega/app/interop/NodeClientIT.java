package io.omega.app.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.app.CliRun;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.sink.SinkSettings;
import io.omega.sink.TradeLoggerSink;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;
import io.omega.store.format.ParquetFormat;
import io.omega.testing.registry.ApicurioRegistryExtension;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A client in another language on OMEGA's topics: the Node.js scripts of src/test/node (kafkajs and avsc) against a
 * real broker and the real Apicurio Registry, OMEGA in {@code schema_registry.mode: url}. The scripts use only what
 * {@code omega schemas export} writes and the registry's Confluent-compatible API. Node logs decisions, executions
 * and outcomes that OMEGA's sink lands exactly; Node decodes the registry events OMEGA's serializer wrote.
 *
 * <p>The broker is this class's own: url-mode records on the shared broker's catalogue topics would be unreadable to
 * the embedded-mode tests that share it.
 */
@ExtendWith(ApicurioRegistryExtension.class)
class NodeClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static NodeScripts scripts;
    private static Path schemas;

    private final ApicurioRegistryProcess registry;
    private final OmegaSerdes serdes;

    NodeClientIT(ApicurioRegistryProcess registry) {
        this.registry = registry;
        this.serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL, registry.registryApiUrl(), true));
    }

    @BeforeAll
    static void nodeClientAndBroker() throws Exception {
        String missing = NodeScripts.missingTools();
        assumeTrue(missing == null, () -> "skipping the Node.js client test: " + missing
                + " (install Node.js 18 or newer with npm to run it)");
        scripts = NodeScripts.install(Path.of("target", "node-client"), Path.of("target", "npm-cache"));

        schemas = dir.resolve("schemas");
        CliRun export = CliRun.of("schemas", "export", schemas.toString());
        assertThat(export.exit()).as(export.err()).isZero();

        broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir.resolve("kafka")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicInstaller(admin, PARTITIONS, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theSinkLandsExactlyWhatTheNodeClientLogged() throws Exception {
        Path data = dir.resolve("data");
        TradeLoggerSink sink = new TradeLoggerSink(new SinkSettings(data, new ParquetFormat(CompressionCodecName.ZSTD),
                broker.bootstrapServers(), "node-it-sink", "node-it-" + UUID.randomUUID(), 10, Duration.ofMillis(200),
                Duration.ofMinutes(60), 90, Duration.ofHours(1), ""), serdes, new SimpleMeterRegistry(), Clock.systemUTC());
        Thread thread = new Thread(sink, "sink-under-test");
        thread.start();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        List<JsonNode> sent;
        try {
            NodeScripts.Run run = scripts.node(SCRIPT_TIMEOUT, "log-experiences.mjs", broker.bootstrapServers(),
                    registry.ccompatUrl(), schemas.toString(), Long.toString(start.toEpochMilli()));
            assertThat(run.exit()).as("log-experiences.mjs; stderr:%n%s", run.err()).isZero();
            sent = parse(run.lines());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(sink.stats().of(ExperienceKind.DECISIONS).totalLogged() == 6
                    && sink.stats().of(ExperienceKind.EXECUTIONS).totalLogged() == 4
                    && sink.stats().of(ExperienceKind.OUTCOMES).totalLogged() == 4)) {
                assertThat(sink.stats().deadLetters()).as("records the sink could not decode").isZero();
                assertThat(System.nanoTime()).as("sink logged 6 + 4 + 4 within 60 s: %s", sink.stats().snapshot())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            sink.close();
            assertThat(sink.awaitStopped(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(sink.stats().deadLetters()).isZero();

        List<JsonNode> decisionsSent = sentTo(sent, "omega.decisions");
        List<JsonNode> executionsSent = sentTo(sent, "omega.executions");
        List<JsonNode> outcomesSent = sentTo(sent, "omega.outcomes");
        assertThat(decisionsSent).hasSize(6);
        assertThat(executionsSent).hasSize(4);
        assertThat(outcomesSent).hasSize(4);

        ExperienceStore store = new ExperienceStore(data);
        Map<String, DecisionRow> decisions = byId(store.load(ExperienceKind.DECISIONS, 2).requireComplete().rows(),
                DecisionRow::id);
        Map<String, ExecutionRow> executions = byId(store.load(ExperienceKind.EXECUTIONS, 2).requireComplete().rows(),
                ExecutionRow::id);
        Map<String, OutcomeRow> outcomes = byId(store.load(ExperienceKind.OUTCOMES, 2).requireComplete().rows(),
                OutcomeRow::id);
        assertThat(decisions).hasSize(6);
        assertThat(executions).hasSize(4);
        assertThat(outcomes).hasSize(4);

        // One id space: the schema Node registered from the export is, byte for byte, the one OMEGA's serializer
        // registers, so both write the same id.
        byte[] javaWritten = serdes.valueSerializer(Decision.class).serialize(Topics.DECISIONS.name(),
                Decision.newBuilder().setId("java").setEventTime(start).setSymbol("X").setPrice(1.0)
                        .setDirection(Direction.FLAT).setConfidence(1.0).setModelType("baseline").setModelVersion("1")
                        .build());
        assertThat(ByteBuffer.wrap(javaWritten, 1, 4).getInt()).isEqualTo(decisionsSent.get(0).get("schema_id").asInt());

        // One of each, field by field, against the values the script is written to send.
        JsonNode firstDecision = decisionsSent.get(0).get("value");
        DecisionRow decision = decisions.get(firstDecision.get("id").asText());
        assertThat(decision).isEqualTo(new DecisionRow(firstDecision.get("id").asText(), start, "NODE-BTC-USDT", 1000.0,
                Map.of("rsi_14", 40.0, "volume_z", 0.0), "LONG", 0.75, Map.of("LONG", 0.75, "SHORT", 0.05, "FLAT", 0.2),
                "baseline", "node-rules-1", false, partitionOf("NODE-BTC-USDT"), decision.kafkaOffset()));
        JsonNode firstExecution = executionsSent.get(0).get("value");
        ExecutionRow execution = executions.get(firstExecution.get("id").asText());
        assertThat(execution).isEqualTo(new ExecutionRow(firstExecution.get("id").asText(),
                firstExecution.get("trade_id").asText(), decision.id(), start.plusSeconds(1), "NODE-BTC-USDT", "LONG",
                1000.5, 0.5, 990.0, 1020.0, 0.25, 0.125, "baseline", "node-rules-1", "PAPER",
                partitionOf("NODE-BTC-USDT"), execution.kafkaOffset()));
        JsonNode firstOutcome = outcomesSent.get(0).get("value");
        OutcomeRow outcome = outcomes.get(firstOutcome.get("id").asText());
        assertThat(outcome).isEqualTo(new OutcomeRow(firstOutcome.get("id").asText(), execution.tradeId(),
                start.plus(Duration.ofMinutes(10)), "NODE-BTC-USDT", 1020.0, 9.25, 1.5, 599_000L, "TP", "baseline",
                "node-rules-1", partitionOf("NODE-BTC-USDT"), outcome.kafkaOffset()));

        // Every other record as sent: same fields, on the partition its symbol key hashes to.
        for (JsonNode s : decisionsSent) {
            JsonNode v = s.get("value");
            DecisionRow row = decisions.get(v.get("id").asText());
            assertThat(row).as(v.toString()).isNotNull();
            assertThat(row.eventTime()).isEqualTo(Instant.ofEpochMilli(v.get("event_time").asLong()));
            assertThat(row.symbol()).isEqualTo(s.get("key").asText()).isEqualTo(v.get("symbol").asText());
            assertThat(row.price()).isEqualTo(v.get("price").asDouble());
            assertThat(row.direction()).isEqualTo(v.get("direction").asText());
            assertThat(row.marketFeatures()).isEqualTo(doubles(v.get("market_features")));
            assertThat(row.classProbabilities()).isEqualTo(doubles(v.get("class_probabilities")));
            assertThat(row.kafkaPartition()).isEqualTo(partitionOf(row.symbol()));
        }
        for (JsonNode s : executionsSent) {
            JsonNode v = s.get("value");
            ExecutionRow row = executions.get(v.get("id").asText());
            assertThat(row.decisionId()).isEqualTo(v.get("decision_id").asText()).isIn(decisions.keySet());
            assertThat(row.direction()).isEqualTo(v.get("direction").asText());
            assertThat(row.entryPrice()).isEqualTo(v.get("entry_price").asDouble());
            assertThat(row.size()).isEqualTo(v.get("size").asDouble());
            assertThat(row.kafkaPartition()).isEqualTo(partitionOf(s.get("key").asText()));
        }
        for (JsonNode s : outcomesSent) {
            JsonNode v = s.get("value");
            OutcomeRow row = outcomes.get(v.get("id").asText());
            assertThat(row.tradeId()).isEqualTo(v.get("trade_id").asText());
            assertThat(executions.values().stream().map(ExecutionRow::tradeId)).contains(row.tradeId());
            assertThat(row.exitPrice()).isEqualTo(v.get("exit_price").asDouble());
            assertThat(row.pnl()).isEqualTo(v.get("pnl").asDouble());
            assertThat(row.kafkaPartition()).isEqualTo(partitionOf(s.get("key").asText()));
        }
    }

    @Test
    void theNodeClientDecodesTheRegistryEventsOmegaWrote() throws Exception {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        String sha256 = "9f2c".repeat(16);
        List<RegistryEvent> events = List.of(
                event("e-1", at, RegistryEventType.REGISTERED, "v1", null, "trainer")
                        .setArtifactUri("models/cnn/cnn_v1.zip").setArtifactSha256(sha256)
                        .setMetrics(Map.of("val_accuracy", 0.58)).setConfig(Map.of("epochs", "20"))
                        .setDataFrom(at.minus(Duration.ofDays(7))).setDataTo(at).build(),
                event("e-2", at.plusSeconds(60), RegistryEventType.PROMOTED, "v1", null, "controller")
                        .setReason("passed the promotion gate").build(),
                event("e-3", at.plusSeconds(120), RegistryEventType.ROLLED_BACK, "v0", "v1", "controller")
                        .setReason("live win rate below threshold").build());
        try (KafkaProducer<String, RegistryEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                serdes.valueSerializer(RegistryEvent.class))) {
            for (RegistryEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY_EVENTS.name(), "cnn", e)).get();
            }
        }

        NodeScripts.Run run = scripts.node(SCRIPT_TIMEOUT, "follow-promotions.mjs", broker.bootstrapServers(),
                registry.ccompatUrl(), "cnn", "3");

        assertThat(run.exit()).as("follow-promotions.mjs; stderr:%n%s", run.err()).isZero();
        List<JsonNode> decoded = parse(run.lines());
        assertThat(decoded).containsExactly(
                JSON.readTree("""
                        {"id": "e-1", "event_time": 1772366400000, "command_id": "c-e-1", "event_type": "REGISTERED",
                         "model_type": "cnn", "version": "v1", "previous_version": null, "reason": null,
                         "actor": "trainer", "artifact_uri": "models/cnn/cnn_v1.zip", "artifact_sha256": "%s",
                         "config": {"epochs": "20"}, "metrics": {"val_accuracy": 0.58},
                         "data_from": 1771761600000, "data_to": 1772366400000}""".formatted(sha256)),
                JSON.readTree("""
                        {"id": "e-2", "event_time": 1772366460000, "command_id": "c-e-2", "event_type": "PROMOTED",
                         "model_type": "cnn", "version": "v1", "previous_version": null,
                         "reason": "passed the promotion gate", "actor": "controller", "artifact_uri": null,
                         "artifact_sha256": null, "config": {}, "metrics": {}, "data_from": null, "data_to": null}"""),
                JSON.readTree("""
                        {"id": "e-3", "event_time": 1772366520000, "command_id": "c-e-3", "event_type": "ROLLED_BACK",
                         "model_type": "cnn", "version": "v0", "previous_version": "v1",
                         "reason": "live win rate below threshold", "actor": "controller", "artifact_uri": null,
                         "artifact_sha256": null, "config": {}, "metrics": {}, "data_from": null, "data_to": null}"""));
    }

    private static RegistryEvent.Builder event(String id, Instant at, RegistryEventType type, String version,
                                               String previous, String actor) {
        return RegistryEvent.newBuilder().setId(id).setEventTime(at).setCommandId("c-" + id).setEventType(type)
                .setModelType("cnn").setVersion(version).setPreviousVersion(previous).setActor(actor);
    }

    /** The partition Kafka's default partitioner picks for a key: murmur2 of its UTF-8 bytes. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static List<JsonNode> parse(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<JsonNode> sentTo(List<JsonNode> sent, String topic) {
        return sent.stream().filter(s -> s.get("topic").asText().equals(topic)).toList();
    }

    private static Map<String, Double> doubles(JsonNode object) {
        Map<String, Double> map = new java.util.HashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
        return map;
    }

    private static <R> Map<String, R> byId(List<R> rows, Function<R, String> id) {
        return rows.stream().collect(Collectors.toMap(id, r -> r));
    }
}
