package io.omega.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker (combined KRaft broker and controller) running inside this JVM,
 * built from Kafka's own server artifacts. The same code serves {@code omega kafka}, {@code omega demo}
 * and the integration tests, so what the tests exercise is what users run.
 *
 * <p>Ports chosen as 0 are resolved once, at first start, and kept: a {@link #stop()} followed by
 * {@link #start()} brings the broker back on the same address with the same data, which is what clients
 * reconnecting after an outage expect.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final BrokerSettings settings;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerSettings settings) {
        this.settings = settings;
        this.port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
        this.controllerPort = settings.controllerPort() == 0 ? freePort(settings.host()) : settings.controllerPort();
    }

    /** Formats the data directory when it is new, then starts the broker and returns once it serves clients. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        long began = System.nanoTime();
        Properties props = brokerProperties();
        formatIfNew(props);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            throw new IllegalStateException("embedded Kafka broker failed to start on " + bootstrapServers()
                    + " with data in " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        server = raftServer;
        createTransactionLog();
        LOG.info("Kafka broker ready on {} (data {}) in {} ms", bootstrapServers(), settings.dataDir(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Has the broker create its transaction log now, while nothing else asks for it. The broker creates the log on
     * the first transactional lookup; when several transactional producers start at once (the demo's services do),
     * every lookup but the first logs "Auto topic creation failed for __transaction_state ... TOPIC_ALREADY_EXISTS"
     * at WARN. Asking for an unknown transaction waits until the transaction coordinator serves, log created.
     */
    private void createTransactionLog() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeTransactions(List.of("omega-embedded-broker-start")).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            // TransactionalIdNotFoundException: the coordinator answered, so the log exists
        } catch (TimeoutException e) {
            LOG.debug("transaction log not ready after 60 s; the first transactional producer creates it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the broker and waits until it has let go of its ports and files; data is kept. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return settings.host() + ":" + port;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        String host = settings.host();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", settings.dataDir().toAbsolutePath().toString());
        // One node: every internal topic must accept a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the catalogue's installer, with their configs; a typo must not create a topic.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        settings.overrides().forEach(p::put);
        return p;
    }

    private void formatIfNew(Properties props) {
        Path dir = settings.dataDir();
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path propsFile = Files.createTempFile("omega-kraft-", ".properties");
            try {
                try (OutputStream out = Files.newOutputStream(propsFile)) {
                    props.store(out, "embedded broker");
                }
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString(),
                    "--ignore-formatted"};
                // Not StorageTool.main: it calls System.exit.
                int rc = StorageTool$.MODULE$.execute(args, new PrintStream(captured, true, StandardCharsets.UTF_8));
                if (rc != 0) {
                    throw new IllegalStateException("formatting Kafka data directory " + dir + " failed (exit " + rc
                            + "): " + captured.toString(StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(propsFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dir, e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("formatting Kafka data directory " + dir + " failed: " + e, e);
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
