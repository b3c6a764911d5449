package io.omega.app.registry;

import io.omega.app.Main;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code omega registry} from a configuration file: it starts, serves, and stops cleanly. */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryServiceCommandIT {

    private static final Pattern READY = Pattern.compile("Model registry ready on (http://127\\.0\\.0\\.1:\\d+) ");

    private final String bootstrap;

    @TempDir
    Path dir;

    RegistryServiceCommandIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @Test
    void runsFromTheConfigurationAndAnswersOnTheConfiguredAddress() throws Exception {
        Path config = dir.resolve("registry.yaml");
        Files.writeString(config, """
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                registry:
                  port: 0
                  admin_token: "t0ken"
                """.formatted(bootstrap, dir.resolve("data")));
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("registry", "--config", config.toString()));

        String url = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (url == null && System.nanoTime() < deadline && !exit.isDone()) {
            Matcher ready = READY.matcher(out.toString());
            url = ready.find() ? ready.group(1) : null;
            Thread.sleep(100);
        }
        assertThat(url).as("ready line in: %s", out).isNotNull();
        assertThat(out.toString()).contains("changes need the bearer token");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(url + "/api/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("\"by_type\"");
        HttpResponse<String> rollback = http.send(HttpRequest.newBuilder(URI.create(url + "/api/models/lstm/rollback"))
                .header("Authorization", "Bearer t0ken").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rollback.statusCode()).isEqualTo(409);
        assertThat(rollback.body()).contains("lstm has no production version to roll back from");

        ((RegistryServiceCommand) cli.getSubcommands().get("registry").getCommand()).stop();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).endsWith("Model registry stopped.\n");
    }
}
