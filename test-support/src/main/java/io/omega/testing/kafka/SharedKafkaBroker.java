package io.omega.testing.kafka;

import io.omega.kafka.embedded.BrokerSettings;
import io.omega.kafka.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the one broker a test JVM shares: a Testcontainers {@code apache/kafka} container when a Docker
 * daemon answers, otherwise a KRaft broker inside this JVM. Both are real brokers; only where they run differs.
 */
final class SharedKafkaBroker implements KafkaTestBroker, AutoCloseable {

    /** Image for the container path; override with -Domega.test.kafka.image=... */
    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafkaBroker.class);

    private final String bootstrapServers;
    private final String kind;
    private final AutoCloseable resource;
    private final Path dataDir;

    private SharedKafkaBroker(String bootstrapServers, String kind, AutoCloseable resource, Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
        this.resource = resource;
        this.dataDir = dataDir;
    }

    static SharedKafkaBroker start() {
        if (!Boolean.getBoolean("omega.test.kafka.inJvm") && dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(System.getProperty("omega.test.kafka.image", DEFAULT_IMAGE));
            container.start();
            LOG.info("Tests use Kafka in a container at {}", container.getBootstrapServers());
            return new SharedKafkaBroker(container.getBootstrapServers(), "testcontainers", container, null);
        }
        Path dir = dataRoot();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.loopback(dir));
        return new SharedKafkaBroker(broker.bootstrapServers(), "in-jvm", broker, dir);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void close() throws Exception {
        resource.close();
        if (dataDir != null) {
            deleteTree(dataDir);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Under target/ so {@code mvn clean} removes whatever a killed JVM left behind. */
    private static Path dataRoot() {
        try {
            Path target = Path.of("target");
            Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, "kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test broker", e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
