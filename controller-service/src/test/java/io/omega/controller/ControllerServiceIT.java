package io.omega.controller;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three controller applications together on the real broker, driven only through topics. Other tests share
 * the broker; this one is the only one here that makes training requests.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ControllerServiceIT {

    private static final OmegaSerdes SERDES = SharedSerdes.SERDES;

    @TempDir
    Path stateDir;

    private String bootstrap;

    @Test
    void anEvaluationIsPromotedAndEnoughOutcomesAskForTraining(KafkaTestBroker kafka) throws Exception {
        bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                self_learning:
                  enable_self_learning: true
                  manual_approval_required: false
                  min_trades_before_retrain: 3
                kafka:
                  bootstrap_servers: "%s"
                  client_id_prefix: "it-%s"
                dashboard:
                  port: 0
                """.formatted(bootstrap, UUID.randomUUID().toString().substring(0, 8)), Map.of());

        ControllerService stopped;
        try (ControllerService controller = new ControllerService(config, SERDES, stateDir)) {
            stopped = controller;
            controller.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!controller.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(controller.isRunning()).isTrue();
            assertThat(controller.ended().toCompletableFuture()).isNotDone();

            send(Topics.EVALUATIONS.name(), "cnn", new Evaluation(EventIds.next(), Instant.now(), "cnn",
                    "20250124_120000", null, EvaluationStatus.COMPLETED, null, null,
                    Map.of("edge_p_value", 0.001, "edge_trials", 3.0, "total_trades", 45.0, "win_rate", 60.0, "sharpe_ratio", 1.5, "max_drawdown", 8.0), Map.of(),
                    Recommendation.PROMOTE, null, null, "rules", Map.of("sharpe_ratio", 0.2), Map.of("p_value", 0.001, "mean_difference", 1.0e-4)));
            for (int i = 0; i < 3; i++) {
                send(Topics.OUTCOMES.name(), "BTC-USDT-SWAP", new Outcome(EventIds.next(), "t-" + i, Instant.now(),
                        "BTC-USDT-SWAP", 42_000.0, 3.0, 0.1, 60_000L, ExitReason.TP, "cnn", "20250120_100000", false));
            }

            List<SpecificRecord> commands = read(Topics.REGISTRY_COMMANDS.name(),
                    r -> r instanceof RegistryCommand c && "20250124_120000".equals(c.getVersion()), 1);
            assertThat(commands).hasSize(1);
            RegistryCommand promote = (RegistryCommand) commands.get(0);
            assertThat(promote.getCommandType()).isEqualTo(RegistryCommandType.PROMOTE);
            assertThat(promote.getVersion()).isEqualTo("20250124_120000");

            List<SpecificRecord> requests = read(Topics.TRAINING_REQUESTS.name(), r -> true, 2);
            assertThat(requests).extracting(r -> ((TrainingRequest) r).getModelType()).containsExactlyInAnyOrder("cnn", "lstm");
            assertThat(requests).extracting(r -> ((TrainingRequest) r).getReason())
                    .containsOnly(TrainingReason.TRADE_COUNT);

            List<SpecificRecord> events = read(Topics.CONTROLLER_EVENTS.name(), r -> r instanceof ControllerEvent e
                    && (e.getEventType() == ControllerEventType.RETRAIN_TRIGGERED
                    || "20250124_120000".equals(e.getVersion())), 3);
            assertThat(events).extracting(e -> ((ControllerEvent) e).getEventType()).containsExactlyInAnyOrder(
                    ControllerEventType.PROMOTION_REQUESTED, ControllerEventType.RETRAIN_TRIGGERED,
                    ControllerEventType.RETRAIN_TRIGGERED);
        }
        // Closed, its applications end normally, and so does the controller.
        assertThat(stopped.ended().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }

    private void send(String topic, String key, SpecificRecord value) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                SERDES.valueSerializer(SpecificRecord.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The committed records of a topic that pass {@code filter}: waits for {@code expected}, then 1 s more. */
    private List<SpecificRecord> read(String topic, java.util.function.Predicate<SpecificRecord> filter, int expected) {
        var decode = SERDES.valueDeserializer(SpecificRecord.class);
        return CommittedRecords.read(bootstrap, topic, r -> filter.test(decode.deserialize(r.topic(), r.value())),
                expected, Duration.ofSeconds(1)).stream().map(r -> decode.deserialize(r.topic(), r.value())).toList();
    }
}
