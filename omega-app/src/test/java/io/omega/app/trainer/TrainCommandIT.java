package io.omega.app.trainer;

import io.omega.app.CliRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.registry.RegistryService;
import io.omega.registry.RegistryTopics;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelVersion;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.trainer.testing.SyntheticExperience;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega train} as an operator runs it: experience files on disk, a real broker, and the model registry
 * service in another client's hands. The command and the service share nothing but Kafka; each has its own embedded
 * schema registry, which hands out the same ids for the catalogue's schemas in every instance (Apicurio-written
 * records on the catalogue topics would be unreadable to the other tests of this JVM, which share the broker).
 */
@ExtendWith(KafkaBrokerExtension.class)
class TrainCommandIT {

    private static final Pattern MODEL_LINE = Pattern.compile("Model +cnn (\\d{8}_\\d{6})");

    @TempDir
    Path dataDir;

    @Test
    void trainsWithAProgressBarPrintsTheMetricsAndRegistersTheCandidate(KafkaTestBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        SyntheticExperience.writeMinuteBars(dataDir, Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(400)),
                400, 11);
        Path configFile = dataDir.resolve("config.yaml");
        Files.writeString(configFile, """
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                registry:
                  port: 0
                """.formatted(kafka.bootstrapServers(), dataDir));
        OmegaConfig config = ConfigLoader.load(configFile, Map.of());

        try (RegistryService registry = RegistryService.start(config, new OmegaSerdes(config.schemaRegistry()),
                RegistryTopics.catalogue())) {
            CliRun train = CliRun.of("train", "--config", configFile.toString(), "--model-type", "cnn", "--days-back",
                    "2", "--epochs", "2", "--batch-size", "32", "--window-size", "20", "--prediction-horizon", "5",
                    "--target-type", "direction", "--register");

            assertThat(train.exit()).as(train.err()).isZero();
            Matcher model = MODEL_LINE.matcher(train.out());
            assertThat(model.find()).as(train.out()).isTrue();
            String version = model.group(1);
            assertThat(train.out()).contains("Artifact   " + dataDir.resolve("models/cnn/cnn_" + version + ".zip"))
                    .contains("val_accuracy").contains("test_f1")
                    .contains("Registered cnn " + version + " as a candidate");

            try (RegistryClient reader = RegistryClient.start(config, new OmegaSerdes(config.schemaRegistry()), "it",
                    new SimpleMeterRegistry())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                List<ModelVersion> models = reader.list("cnn");
                while (models.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    models = reader.list("cnn");
                }
                assertThat(models).extracting(ModelVersion::version).containsExactly(version);
                assertThat(models.get(0).status()).isEqualTo(ModelStatus.CANDIDATE);
            }

            // omega evaluate: the model just trained, on the data after its training and validation parts
            CliRun evaluated = CliRun.of("evaluate", "--config", configFile.toString(), "--model-type", "cnn",
                    "--version", version, "--days-back", "2", "--save-report");
            assertThat(evaluated.exit()).as(evaluated.err()).isZero();
            assertThat(evaluated.out()).contains("Total Trades").contains("Win Rate").contains("Sharpe")
                    .contains("Max Drawdown").contains("Profit Factor").containsPattern("Recommendation  (PROMOTE|MONITOR|REJECT)")
                    .contains("Report          " + dataDir.resolve("reports/evaluation_cnn_" + version + ".md"));
            assertThat(dataDir.resolve("reports/evaluation_cnn_" + version + ".png")).isRegularFile();
        }
    }

    @Test
    void aBadTargetTypeIsRefusedWithTheFlagNamed() {
        CliRun run = CliRun.of("train", "--model-type", "cnn", "--target-type", "sideways");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--target-type must be direction, return or outcome, got 'sideways'");
    }
}
