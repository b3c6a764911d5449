package io.omega.app.controller;

import io.omega.app.CliRun;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code omega status}, {@code omega approve} and {@code omega reject} against a running controller. */
@ExtendWith(KafkaBrokerExtension.class)
class ControllerCommandsIT {

    @TempDir
    Path dataDir;

    @Test
    void statusPrintsTheJsonAndApprovalsGoThroughTheController(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                self_learning:
                  enable_self_learning: true
                kafka:
                  bootstrap_servers: "%s"
                  client_id_prefix: "cli-%s"
                storage:
                  data_dir: "%s"
                dashboard:
                  port: 0
                  admin_token: "t0ken"
                """.formatted(bootstrap, UUID.randomUUID().toString().substring(0, 8), dataDir), Map.of());
        OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
        try (ControllerService controller = new ControllerService(config, serdes, dataDir.resolve("state"))) {
            controller.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!controller.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(controller.isRunning()).as("controller running within 60 s").isTrue();
            for (String version : new String[] {"20250124_160000", "20250124_170000"}) {
                try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                        serdes.valueSerializer(SpecificRecord.class))) {
                    producer.send(new ProducerRecord<>(Topics.EVALUATIONS.name(), "cnn", new Evaluation(EventIds.next(),
                            Instant.now(), "cnn", version, null, EvaluationStatus.COMPLETED, null, null,
                            Map.of("edge_p_value", 0.001, "edge_trials", 3.0, "total_trades", 40.0, "win_rate", 60.0, "sharpe_ratio", 1.5, "max_drawdown", 9.0),
                            Map.of(), Recommendation.PROMOTE, null, null, "rules", Map.of("sharpe_ratio", 0.2), Map.of("p_value", 0.001, "mean_difference", 1.0e-4)))).get();
                }
            }
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((controller.view().pending("cnn", "20250124_160000").isEmpty()
                    || controller.view().pending("cnn", "20250124_170000").isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(controller.view().pending("cnn", "20250124_160000")).as("first pending approval").isPresent();
            assertThat(controller.view().pending("cnn", "20250124_170000")).as("second pending approval").isPresent();

            CliRun status = CliRun.of("status", "--url", controller.url());
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("\"enabled\" : true").contains("\"pending_approvals\"")
                    .contains("20250124_160000").contains("20250124_170000")
                    .contains("\"promotion_significance\" : 0.05,\n").contains("\"improvement_significance\" : 0.05\n")
                    .contains("\"monitor_min_trades\" : 30,\n").contains("\"rollback_false_alarm_rate\" : 0.05,\n")
                    .contains("\"monitor_horizon_trades\" : 500,\n");

            CliRun noToken = CliRun.of("approve", "cnn", "20250124_160000", "--url", controller.url(), "--token", "nope");
            assertThat(noToken.exit()).isEqualTo(2);
            assertThat(noToken.err()).isEqualTo("omega approve: wrong bearer token\n");

            CliRun approved = CliRun.of("approve", "cnn", "20250124_160000", "--url", controller.url(), "--token", "t0ken");
            assertThat(approved.exit()).as(approved.err()).isZero();
            assertThat(approved.out()).startsWith("APPROVED cnn 20250124_160000 (PROMOTE command ");

            CliRun rejected = CliRun.of("reject", "cnn", "20250124_170000", "--url", controller.url(), "--token", "t0ken",
                    "--reason", "too few trades for my taste");
            assertThat(rejected.exit()).isZero();
            assertThat(rejected.out()).isEqualTo("APPROVAL_REJECTED cnn 20250124_170000\n");

            CliRun again = CliRun.of("approve", "cnn", "20250124_170000", "--url", controller.url(), "--token", "t0ken");
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).isEqualTo("omega approve: no promotion of cnn 20250124_170000 is waiting for approval\n");
            // (other tests of this JVM leave their own evaluations on the shared broker: only ours are checked)
            assertThat(controller.view().pending("cnn", "20250124_160000")).isEmpty();
            assertThat(controller.view().pending("cnn", "20250124_170000")).isEmpty();
        }
        CliRun down = CliRun.of("status", "--url", "http://127.0.0.1:1");
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).startsWith("cannot reach the controller at http://127.0.0.1:1");
    }
}
