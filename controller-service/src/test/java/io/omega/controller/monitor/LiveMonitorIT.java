package io.omega.controller.monitor;

import io.omega.controller.SharedSerdes;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor on the real broker: exactly-once output, state surviving a restart, dead letters. */
@ExtendWith(KafkaBrokerExtension.class)
class LiveMonitorIT {

    private static final OmegaSerdes SERDES = SharedSerdes.SERDES;
    private static final String VERSION = "20250119_230000";

    private final String bootstrap;

    @TempDir
    Path stateDir;

    LiveMonitorIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
    }

    @Test
    void theStintSurvivesARestartAndTheRollbackIsSentOnceAtTheFifthLoss() throws Exception {
        // The first look after 5 trades, one look per horizon of 5: each test at 0.05 / 2 = 0.025. No win in 5 against
        // 80 % less 10 points has p = 0.3^5 = 0.0024.
        MonitorSettings settings = new MonitorSettings(5, 10.0, 5, 0.05, 5, 1_000.0, true);
        String app = "monitor-it-" + UUID.randomUUID();
        send(Topics.EVALUATIONS.name(), "cnn", new Evaluation(EventIds.next(), Instant.now(), "cnn", VERSION, null,
                EvaluationStatus.COMPLETED, null, null, Map.of("win_rate", 80.0, "avg_profit", 1.0, "total_trades", 200.0),
                Map.of(), null, null, null, null, Map.of(), Map.of()));
        send(Topics.REGISTRY_EVENTS.name(), "cnn", new RegistryEvent(EventIds.next(), Instant.now(), "c-1",
                RegistryEventType.PROMOTED, "cnn", VERSION, null, null, "it", null, null, Map.of(), Map.of(), null, null));

        try (LiveMonitor first = new LiveMonitor(settings, SERDES, bootstrap, app, stateDir.resolve("a"))) {
            first.start();
            awaitTrue(first::isRunning);
            // A record that is not an outcome at all: dead-lettered, and the watch goes on with the records after it.
            // It comes before the outcomes, whose processing carries the committed offset past it before the restart.
            // Sent last, it was once dead-lettered a second time by the restarted instance (both letters committed,
            // same source offset): dead letters are at least once when an instance stops right after one.
            sendRaw(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", "garbage".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                send(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", loss("first-" + i));
            }
            awaitTrue(() -> first.watch("cnn", VERSION).map(w -> w.stintTrades() == 3).orElse(false));
        }

        // A fresh state directory: the stint can only come back from the changelog.
        try (LiveMonitor second = new LiveMonitor(settings, SERDES, bootstrap, app, stateDir.resolve("b"))) {
            second.start();
            awaitTrue(second::isRunning);
            send(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", loss("second-0"));
            awaitTrue(() -> second.watch("cnn", VERSION).map(w -> w.stintTrades() == 4).orElse(false));
            assertThat(read(Topics.REGISTRY_COMMANDS.name(), LiveMonitorIT::ours, 0, Duration.ofSeconds(1))).isEmpty();
            send(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", loss("second-1"));
            send(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", loss("second-2"));

            List<ConsumerRecord<byte[], byte[]>> commands = read(Topics.REGISTRY_COMMANDS.name(), LiveMonitorIT::ours, 1,
                    Duration.ofSeconds(2));
            assertThat(commands).hasSize(1);
            RegistryCommand rollback = decode(commands.get(0), RegistryCommand.class);
            assertThat(rollback.getCommandType()).isEqualTo(RegistryCommandType.ROLLBACK);
            assertThat(rollback.getReason()).startsWith("auto-rollback of " + VERSION);
            List<ConsumerRecord<byte[], byte[]>> events = read(Topics.CONTROLLER_EVENTS.name(),
                    r -> VERSION.equals(decode(r, ControllerEvent.class).getVersion()), 2,
                    Duration.ofSeconds(1));
            assertThat(events).extracting(r -> decode(r, ControllerEvent.class).getEventType())
                    .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
            assertThat(decode(events.get(0), ControllerEvent.class).getDetails())
                    .containsEntry("last_trade_id", "second-1").containsEntry("window_trades", "5");
        }

        List<ConsumerRecord<byte[], byte[]>> letters = read(Topics.deadLetterTopic(Topics.OUTCOMES.name()),
                r -> Arrays.equals(r.value(), "garbage".getBytes(StandardCharsets.UTF_8)), 1, Duration.ofSeconds(1));
        assertThat(letters).hasSize(1);
        assertThat(DeadLetterRecord.header(letters.get(0).headers(), DeadLetterRecord.SOURCE_TOPIC))
                .contains(Topics.OUTCOMES.name());
        assertThat(DeadLetterRecord.header(letters.get(0).headers(), DeadLetterRecord.ERROR).orElseThrow())
                .contains("cannot decode a Outcome from topic omega.outcomes");
    }

    /** Other tests share the broker: the rollback commands this test's monitor sent name its version. */
    private static boolean ours(ConsumerRecord<byte[], byte[]> record) {
        RegistryCommand command = decode(record, RegistryCommand.class);
        return command.getCommandType() == RegistryCommandType.ROLLBACK
                && command.getReason().startsWith("auto-rollback of " + VERSION);
    }

    private static Outcome loss(String tradeId) {
        double pnlPct = -0.2 - 0.05 * Math.floorMod(tradeId.hashCode(), 3);
        return new Outcome(EventIds.next(), tradeId, Instant.now(), "BTC-USDT-SWAP", 41_000.0, pnlPct * 10, pnlPct,
                30_000L, ExitReason.SL, "cnn", VERSION, false);
    }

    private void send(String topic, String key, SpecificRecord value) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                SERDES.valueSerializer(SpecificRecord.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private void sendRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> filter,
                                                      int expected, Duration settle) {
        return CommittedRecords.read(bootstrap, topic, filter, expected, settle);
    }

    private static <T extends SpecificRecord> T decode(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        return SERDES.valueDeserializer(type).deserialize(record.topic(), record.value());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
