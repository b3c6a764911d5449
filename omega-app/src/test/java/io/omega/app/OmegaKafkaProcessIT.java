package io.omega.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code omega kafka} as a user runs it: the packaged jar in its own process. Runs after {@code package}
 * (failsafe), since it needs the jar.
 */
class OmegaKafkaProcessIT {

    private static final Pattern READY = Pattern.compile("Kafka ready on (127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void servesTheTopicsUntilStoppedAndKeepsThemAcrossRestarts() throws Exception {
        Path jar = Path.of("target", "omega.jar");
        assertThat(jar).exists();
        Path data = dir.resolve("kafka");

        String address = runAndStop(jar, data, "topics created 18, already present 0");
        assertThat(address).startsWith("127.0.0.1:");
        runAndStop(jar, data, "topics created 0, already present 18");
        assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();
    }

    /** Starts the broker process, checks its readiness line, asks it for its topics, stops it with SIGTERM. */
    private String runAndStop(Path jar, Path data, String expectedTopics) throws Exception {
        Process process = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar.toString(), "kafka", "--port", "0",
                "--data-dir", data.toString(), "--config", "../config/trading_config.yaml")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String ready = null;
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ready == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (READY.matcher(line).find()) {
                    ready = line;
                }
            }
            assertThat(ready).as("readiness line; output was:%n%s", seen).isNotNull();
            assertThat(ready).contains(expectedTopics);
            Matcher m = READY.matcher(ready);
            assertThat(m.find()).isTrue();
            String address = m.group(1);

            CliRun listed = CliRun.of("topics", "list", "--bootstrap-servers", address);
            assertThat(listed.exit()).isZero();
            assertThat(listed.out()).contains("18 of 18 topics present");

            process.destroy(); // SIGTERM: the shutdown hook stops the broker cleanly
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status after SIGTERM").isZero();
            return address;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
