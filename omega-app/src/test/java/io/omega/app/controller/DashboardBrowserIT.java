package io.omega.app.controller;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.registry.RegistryService;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryTopics;
import io.omega.registry.model.ModelVersion;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryEventType;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium: it shows the controller's real status, and clicking Approve promotes
 * the model through the controller and the registry (the PROMOTED registry event is what is checked). Needs
 * Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs; skipped without them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "browser-token";
    private static final String VERSION = "20250124_180000";

    @TempDir
    Path dataDir;

    @Test
    void approvingInTheBrowserPromotesTheModel(KafkaTestBroker kafka) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                self_learning:
                  enable_self_learning: true
                  manual_approval_required: true
                kafka:
                  bootstrap_servers: "%s"
                  client_id_prefix: "browser-%s"
                storage:
                  data_dir: "%s"
                registry:
                  port: 0
                dashboard:
                  port: 0
                  admin_token: "%s"
                """.formatted(bootstrap, UUID.randomUUID().toString().substring(0, 8), dataDir, TOKEN), Map.of());
        OmegaSerdes serdes = new OmegaSerdes(config.schemaRegistry());
        byte[] artifact = "a cnn model".getBytes(StandardCharsets.UTF_8);
        Path zip = dataDir.resolve("models/cnn/cnn_" + VERSION + ".zip");
        Files.createDirectories(zip.getParent());
        Files.write(zip, artifact);

        try (RegistryService registry = RegistryService.start(config, serdes, RegistryTopics.catalogue());
             ControllerService controller = new ControllerService(config, serdes, dataDir.resolve("state"))) {
            var registered = registry.client().registerModel(new ModelRegistration("cnn", VERSION,
                    "models/cnn/cnn_" + VERSION + ".zip", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(artifact)), Map.of(), Map.of("val_accuracy", 0.58),
                    null, null), "test", "for the browser test");
            assertThat(registered.getEventType()).isEqualTo(RegistryEventType.REGISTERED);
            controller.start();
            try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                    serdes.valueSerializer(SpecificRecord.class))) {
                producer.send(new ProducerRecord<>(Topics.EVALUATIONS.name(), "cnn", new Evaluation(EventIds.next(),
                        Instant.now(), "cnn", VERSION, null, EvaluationStatus.COMPLETED, null, null,
                        Map.of("edge_p_value", 0.001, "edge_trials", 3.0, "total_trades", 48.0, "win_rate", 62.5, "sharpe_ratio", 1.8, "max_drawdown", 6.5),
                        Map.of(), Recommendation.PROMOTE, null, null, "rules", Map.of("sharpe_ratio", 0.2), Map.of("p_value", 0.001, "mean_difference", 1.0e-4)))).get();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (controller.view().pending("cnn", VERSION).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(controller.view().pending("cnn", VERSION)).as("pending approval").isPresent();

            WebDriver browser = chromium();
            try {
                browser.get(controller.url() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.id("enabled")).getText().equals("ON"));
                assertThat(browser.findElement(By.id("shadow")).getText()).isEqualTo("OFF");
                wait.until(d -> !d.findElements(By.id("approve-cnn-" + VERSION)).isEmpty());
                assertThat(browser.findElement(By.cssSelector("#candidates tbody")).getText())
                        .contains(VERSION).contains("62.50").contains("1.80").contains("PROMOTE");

                browser.findElement(By.id("token")).sendKeys(TOKEN);
                browser.findElement(By.id("approve-cnn-" + VERSION)).click();

                // A deadline of its own: the browser's start must not use up the promotion's time.
                deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && !VERSION.equals(
                        registry.client().getCurrentProductionModel("cnn").map(ModelVersion::version).orElse(null))) {
                    Thread.sleep(100);
                }
                Optional<ModelVersion> production = registry.client().getCurrentProductionModel("cnn");
                assertThat(production).map(ModelVersion::version).contains(VERSION);
                assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
                // The page polls every 10 s: the promoted model shows up in the production table.
                new WebDriverWait(browser, Duration.ofSeconds(25)).until(d ->
                        d.findElement(By.cssSelector("#production tbody")).getText().contains(VERSION));
                assertThat(browser.findElements(By.id("approve-cnn-" + VERSION))).isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + dataDir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

}
