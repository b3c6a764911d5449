package io.omega.app.trainer;

import io.omega.app.CliRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.registry.RegistryService;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryTopics;
import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelVersion;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.experience.SyntheticExperience;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
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
                    "--version", version, "--days-back", "2", "--save-report", "--registry-url", registry.baseUrl());
            assertThat(evaluated.exit()).as(evaluated.err()).isZero();
            assertThat(evaluated.out()).contains("Total Trades").contains("Win Rate").contains("Sharpe")
                    .contains("Max Drawdown").contains("Profit Factor")
                    .contains("Report          " + dataDir.resolve("reports/evaluation_cnn_" + version + ".md"));
            assertThat(dataDir.resolve("reports/evaluation_cnn_" + version + ".png")).isRegularFile();
            // nothing has been in production: the one model in the store is the one trial, and the rules the champion
            assertTestsAndRecommendation(evaluated.out(), "Trials          1: every cnn model in the model store, "
                    + "this one included (registry: no cnn model has been in production)");

            // without the registry every model of the type in the store counts, and the output says so
            CliRun offline = CliRun.of("evaluate", "--config", configFile.toString(), "--model-type", "cnn",
                    "--version", version, "--days-back", "2", "--registry-url", "http://127.0.0.1:1");
            assertThat(offline.exit()).as(offline.err()).isZero();
            assertTestsAndRecommendation(offline.out(), "Trials          1: every cnn model in the model store, "
                    + "this one included (the registry at http://127.0.0.1:1 did not answer, so when production last "
                    + "changed is unknown)");
        }
    }

    /**
     * The champion's block, the trial count, both tests at the default levels with verdicts that agree with their
     * p-values, and a recommendation that never promotes below 30 trades or without the edge test.
     */
    private static void assertTestsAndRecommendation(String out, String trialsLine) {
        List<String> lines = out.lines().toList();
        assertThat(lines).as(out).contains("Champion        rules (the engine's rules)", trialsLine);
        Matcher window = Pattern.compile("(?m)^Window          .*, (\\d+) bars$").matcher(out);
        assertThat(window.find()).as(out).isTrue();
        Matcher edge = Pattern.compile("(?m)^Edge test       p=(\\d\\.\\d{4}) over 1 trial\\(s\\), level 0\\.05: "
                + "(PASS|FAIL)$").matcher(out);
        assertThat(edge.find()).as(out).isTrue();
        assertThat(edge.group(2)).isEqualTo(Double.parseDouble(edge.group(1)) <= 0.05 ? "PASS" : "FAIL");
        Matcher improvement = Pattern.compile("(?m)^Improvement     over rules: p=(\\d\\.\\d{4}), level 0\\.05: "
                + "(PASS|FAIL) \\(mean per-bar return difference [+-]\\d+\\.\\d{4} %, standard error \\d+\\.\\d{4} %, "
                + "\\d+ lags, (\\d+) bars\\)$").matcher(out);
        assertThat(improvement.find()).as(out).isTrue();
        assertThat(improvement.group(2)).isEqualTo(Double.parseDouble(improvement.group(1)) <= 0.05 ? "PASS" : "FAIL");
        // the paired test compares per-bar returns, one fewer than the bars
        assertThat(Integer.parseInt(improvement.group(3))).isEqualTo(Integer.parseInt(window.group(1)) - 1);
        Matcher trades = Pattern.compile("(?m)^Total Trades    (\\d+) ").matcher(out);
        assertThat(trades.find()).as(out).isTrue();
        Matcher recommendation = Pattern.compile("(?m)^Recommendation  (PROMOTE|MONITOR|REJECT)$").matcher(out);
        assertThat(recommendation.find()).as(out).isTrue();
        if (recommendation.group(1).equals("PROMOTE")) {
            assertThat(Integer.parseInt(trades.group(1))).isGreaterThanOrEqualTo(30);
            assertThat(edge.group(2)).isEqualTo("PASS");
        }
    }

    @Test
    void aBadTargetTypeIsRefusedWithTheFlagNamed() {
        CliRun run = CliRun.of("train", "--model-type", "cnn", "--target-type", "sideways");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--target-type must be direction, return or outcome, got 'sideways'");
    }
}
