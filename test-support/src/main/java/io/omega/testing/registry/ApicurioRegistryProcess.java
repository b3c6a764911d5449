package io.omega.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Apicurio Registry, run as a child process from its prebuilt distribution (Maven Central's
 * {@code io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all}, unpacked by the build), bound to loopback on a
 * free port. Registry 3.x needs Java 21 or newer: the process runs on the newest JDK found under
 * {@code /usr/lib/jvm} (or {@code -Domega.test.registry.java=/path/to/java}).
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

    /** System property naming the unpacked distribution (the directory holding quarkus-run.jar). */
    public static final String DISTRIBUTION_PROPERTY = "omega.test.registry.dir";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<String> command;
    private final Path distribution;
    private final int port;
    private final Path log;
    private volatile Process process;

    private ApicurioRegistryProcess(List<String> command, Path distribution, int port, Path log) {
        this.command = command;
        this.distribution = distribution;
        this.port = port;
        this.log = log;
    }

    /** A registry keeping its schemas in memory: they are gone when it stops. */
    public static ApicurioRegistryProcess start() {
        return start(List.of());
    }

    /**
     * A registry keeping its schemas in an H2 database under {@code storage}, so that {@link #stop()} and
     * {@link #restart()} (same port) give back the same schemas under the same ids, as a real deployment would.
     */
    public static ApicurioRegistryProcess startPersistent(Path storage) {
        return start(List.of("-Dapicurio.datasource.url=jdbc:h2:file:" + storage.toAbsolutePath().resolve("registry")));
    }

    private static ApicurioRegistryProcess start(List<String> storageOptions) {
        Path distribution = distribution();
        String java = javaAtLeast21().orElseThrow(() -> new IllegalStateException(
                "Apicurio Registry 3.x needs a JDK 21 or newer: none found under /usr/lib/jvm; install one (e.g. "
                        + "Temurin 25) or point -Domega.test.registry.java at its bin/java"));
        int port = freePort();
        int managementPort = freePort();
        try {
            Path log = Files.createTempFile(Path.of("target").toFile().isDirectory() ? Path.of("target") : Path.of("."),
                    "apicurio-registry-", ".log");
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                    // Management is built in and on by default (0.0.0.0:9000): keep it on loopback, on its own port.
                    "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort));
            command.addAll(storageOptions);
            command.addAll(List.of("-jar", "quarkus-run.jar"));
            ApicurioRegistryProcess registry = new ApicurioRegistryProcess(List.copyOf(command), distribution, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "apicurio-registry-stop"));
            registry.launch();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry from " + distribution, e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command)
                    .directory(distribution.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry from " + distribution, e);
        }
        awaitReady();
    }

    /** Stops the process: from now on its port refuses connections. */
    public void stop() {
        close();
    }

    /** Starts the process again after {@link #stop()}, on the same port, and waits until it answers. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the registry is running");
        }
        launch();
    }

    /** Base of the registry's own v3 API, which Apicurio's serdes talk to. */
    public String registryApiUrl() {
        return "http://127.0.0.1:" + port + "/apis/registry/v3";
    }

    /** Base of the Confluent-compatible API, which Confluent clients talk to. */
    public String ccompatUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    @Override
    public void close() {
        Process process = this.process;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest info = HttpRequest.newBuilder(URI.create(registryApiUrl() + "/system/info"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("Apicurio Registry not ready on port " + port + " after " + READY_TIMEOUT
                + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path distribution() {
        String dir = System.getProperty(DISTRIBUTION_PROPERTY);
        if (dir == null || !Files.exists(Path.of(dir, "quarkus-run.jar"))) {
            throw new IllegalStateException("no Apicurio Registry distribution at " + dir + ": the build unpacks "
                    + "io.apicurio:apicurio-registry-app:tar.gz:all and passes its directory as -D" + DISTRIBUTION_PROPERTY);
        }
        return Path.of(dir);
    }

    /** The newest JDK of version 21 or more: the one named by a system property, else the newest under /usr/lib/jvm. */
    static Optional<String> javaAtLeast21() {
        String named = System.getProperty("omega.test.registry.java");
        if (named != null) {
            return Optional.of(named);
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(ApicurioRegistryProcess::featureVersion))
                    .map(home -> home.resolve("bin/java").toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path javaHome) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
            String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
