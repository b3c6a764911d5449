package io.omega.app.registry;

import io.omega.app.CliRun;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.registry.RegistryService;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryTopics;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class ModelsCommandIT {

    private static final String TOKEN = "cli-token";

    private final String bootstrap;
    private RegistryService service;

    @TempDir
    Path dataDir;

    ModelsCommandIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    /** {@code omega models <args> --url <the test registry> --token <token>}. */
    private CliRun models(String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "models";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--url";
        full[args.length + 2] = service.baseUrl();
        full[args.length + 3] = "--token";
        full[args.length + 4] = TOKEN;
        return CliRun.of(full);
    }

    @BeforeEach
    void start() throws Exception {
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                registry:
                  port: 0
                  admin_token: "%s"
                """.formatted(bootstrap, dataDir, TOKEN), Map.of());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        service = RegistryService.start(config, new OmegaSerdes(config.schemaRegistry()),
                new RegistryTopics("cli.registry-commands." + suffix, "cli.registry-events." + suffix));
        register("20250120_140000", 58.5, 1.3);
        register("20250124_120000", 62.0, 1.6);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private void register(String version, double winRate, double sharpe) throws Exception {
        byte[] content = ("cnn model " + version).getBytes(StandardCharsets.UTF_8);
        Path file = dataDir.resolve("models/cnn/cnn_" + version + ".zip");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(service.client().registerModel(new ModelRegistration("cnn", version, "models/cnn/cnn_" + version + ".zip",
                sha, Map.of("epochs", "50"), Map.of("win_rate", winRate, "sharpe_ratio", sharpe), null, null),
                "trainer", "nightly").getEventType()).isEqualTo(RegistryEventType.REGISTERED);
    }

    private String registeredAt(String version) {
        return service.client().modelType("cnn").version(version).orElseThrow().registeredAt().toString();
    }

    @Test
    void listShowsEveryVersionAsATable() {
        CliRun list = models("list", "cnn");

        assertThat(list.exit()).as(list.err()).isZero();
        String a = registeredAt("20250120_140000");
        String b = registeredAt("20250124_120000");
        int w = Math.max("REGISTERED".length(), Math.max(a.length(), b.length()));
        assertThat(list.out().lines().toList()).containsExactly(
                String.format("TYPE  VERSION          STATUS     WIN_RATE  SHARPE  %-" + w + "s  PREVIOUS", "REGISTERED"),
                String.format("cnn   20250120_140000  candidate  58.50     1.30    %-" + w + "s  -", a),
                String.format("cnn   20250124_120000  candidate  62.00     1.60    %-" + w + "s  -", b),
                "2 version(s)");
        assertThat(models("list").out()).endsWith("2 version(s)\n");
    }

    @Test
    void promoteRollbackArchiveAndHistoryHaveTheRestOutcomes() {
        CliRun first = models("promote", "cnn", "20250120_140000", "--actor", "alice", "--reason", "first model");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("PROMOTED cnn 20250120_140000 to production (previous production: -)\n");

        CliRun second = models("promote", "cnn", "20250124_120000", "--actor", "alice", "--reason", "sharpe 1.6");
        assertThat(second.out()).isEqualTo("PROMOTED cnn 20250124_120000 to production (previous production: 20250120_140000)\n");

        CliRun rejected = models("promote", "cnn", "20250120_140000");
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.err()).isEqualTo("rejected: only a candidate can be promoted; cnn 20250120_140000 is archived\n");

        CliRun archiveProduction = models("archive", "cnn", "20250124_120000");
        assertThat(archiveProduction.exit()).isEqualTo(1);
        assertThat(archiveProduction.err()).startsWith("rejected: cnn 20250124_120000 is the production version");

        CliRun back = models("rollback", "cnn", "--actor", "bob", "--reason", "drawdown 25%");
        assertThat(back.exit()).isZero();
        assertThat(back.out()).isEqualTo("ROLLED_BACK cnn to 20250120_140000 (was 20250124_120000)\n");

        CliRun toRules = models("rollback", "cnn", "--actor", "bob", "--reason", "still bad");
        assertThat(toRules.exit()).isZero();
        assertThat(toRules.out()).isEqualTo(
                "ROLLED_BACK cnn to no production model: the engine's rules (was 20250120_140000)\n");
        CliRun nothing = models("rollback", "cnn");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).isEqualTo("rejected: cnn has no production version to roll back from\n");

        CliRun history = models("history", "cnn");
        assertThat(history.exit()).isZero();
        List<String> lines = history.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("VERSION\\s+ENTERED\\s+HOW\\s+BY\\s+WHY\\s+LEFT\\s+HOW\\s+BY\\s+WHY");
        assertThat(lines.get(1)).matches("20250120_140000\\s+\\S+Z\\s+PROMOTED\\s+alice\\s+first model\\s+\\S+Z\\s+PROMOTED\\s+alice\\s+sharpe 1.6");
        assertThat(lines.get(2)).matches("20250124_120000\\s+\\S+Z\\s+PROMOTED\\s+alice\\s+sharpe 1.6\\s+\\S+Z\\s+ROLLED_BACK\\s+bob\\s+drawdown 25%");
        assertThat(lines.get(3)).matches("20250120_140000\\s+\\S+Z\\s+ROLLED_BACK\\s+bob\\s+drawdown 25%\\s+\\S+Z\\s+ROLLED_BACK\\s+bob\\s+still bad");
        assertThat(lines.get(4)).isEqualTo("production: none");

        CliRun show = models("show", "cnn", "20250124_120000");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).containsPattern("status\\s+archived\n");
        assertThat(show.out()).containsPattern("previous_version\\s+20250120_140000\n");
        assertThat(show.out()).containsPattern("metrics\\s+\\{\"sharpe_ratio\":1.6,\"win_rate\":62.0}\n");
    }

    @Test
    void badInputAndMissingTokenExitTwoWithTheReason() {
        CliRun badVersion = models("promote", "cnn", "latest");
        assertThat(badVersion.exit()).isEqualTo(2);
        assertThat(badVersion.err()).isEqualTo(
                "error 400: version 'latest' is not a version id: expected yyyyMMdd_HHmmss (UTC), like 20250124_120000\n");

        CliRun unknownType = models("list", "gru");
        assertThat(unknownType.exit()).isEqualTo(2);
        assertThat(unknownType.err()).isEqualTo("error 404: unknown model type 'gru' (known: cnn, lstm)\n");

        CliRun wrongToken = CliRun.of("models", "rollback", "cnn", "--url", service.baseUrl(), "--token", "nope");
        assertThat(wrongToken.exit()).isEqualTo(2);
        assertThat(wrongToken.err()).isEqualTo("error 401: wrong bearer token\n");
        assertThat(service.client().getCurrentProductionModel("cnn")).isEmpty();
    }

    @Test
    void anUnreachableRegistryExitsThree() {
        CliRun down = CliRun.of("models", "list", "--url", "http://127.0.0.1:1");
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).startsWith("cannot reach the model registry at http://127.0.0.1:1");
    }
}
