package io.omega.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omega.config.OmegaConfig;
import io.omega.http.BearerTokenAuth;
import io.omega.http.JsonHttpServer;
import io.omega.registry.client.ClientSettings;
import io.omega.registry.client.EmbeddedSchemaIds;
import io.omega.registry.client.RegistryClient;
import io.omega.registry.client.RegistryCommands;
import io.omega.registry.client.RegistryTopics;
import io.omega.registry.command.CommandDecider;
import io.omega.registry.command.DataDirArtifactVerifier;
import io.omega.registry.metrics.RegistryMetrics;
import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelTypes;
import io.omega.registry.processor.ProcessorSettings;
import io.omega.registry.processor.RegistryProcessor;
import io.omega.registry.rest.RegistryRoutes;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.service.Health;
import io.omega.service.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The registry service as {@code omega registry} runs it: its topics installed, the command processor (the single
 * writer of the event log), a client holding the read replica, and the REST API on top. Its metrics are served on
 * its own API's {@code /metrics}, so it binds none into the runner's.
 */
public final class RegistryService implements Service {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** What {@link #start()} started, closed together. */
    private record Running(RegistryProcessor processor, RegistryClient client, JsonHttpServer http) {
    }

    private final OmegaConfig config;
    private final OmegaSerdes serdes;
    private final RegistryTopics topics;
    private volatile Running running;
    private boolean closed;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** The serdes must be the one instance every registry part of this JVM shares. */
    public RegistryService(OmegaConfig config, OmegaSerdes serdes, RegistryTopics topics) {
        this.config = config;
        this.serdes = serdes;
        this.topics = topics;
    }

    /** Builds and starts one, for callers that need it serving at once. */
    public static RegistryService start(OmegaConfig config, OmegaSerdes serdes, RegistryTopics topics) {
        RegistryService service = new RegistryService(config, serdes, topics);
        service.start();
        return service;
    }

    @Override
    public String name() {
        return "registry";
    }

    /** Installs the topics, replays the event log and serves the API; returns once the state is rebuilt. */
    @Override
    public void start() {
        if (running != null) {
            throw new IllegalStateException("the registry runs once");
        }
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        RegistryMetrics metrics = new RegistryMetrics(meters);
        String bootstrap = config.kafka().bootstrapServers();
        installTopics(config, topics);
        EmbeddedSchemaIds.pin(config.schemaRegistry(), serdes, topics);

        RegistryProcessor processor = RegistryProcessor.start(
                ProcessorSettings.of(bootstrap, config.kafka().clientIdPrefix(), topics),
                new CommandDecider(new DataDirArtifactVerifier(config.storage().dataDir()), Clock.systemUTC()),
                metrics, TopicDecoder.of(Topics.REGISTRY_COMMANDS, serdes), serdes.valueSerializer(RegistryEvent.class),
                TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes), START_TIMEOUT);
        RegistryClient client = null;
        try {
            client = RegistryClient.start(
                    new ClientSettings(bootstrap, config.kafka().clientIdPrefix() + "-registry-api", topics,
                            Duration.ofMillis(config.registry().commandTimeoutMs())),
                    serdes.valueSerializer(RegistryCommand.class), TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes),
                    metrics, START_TIMEOUT);
            RegistryClient replica = client;
            for (String type : ModelTypes.KNOWN) {
                for (ModelStatus status : ModelStatus.values()) {
                    Gauge.builder("omega.registry.models", replica, c -> c.modelType(type).count(status))
                            .description("Registered model versions by type and status")
                            .tag("model_type", type).tag("status", status.label()).register(meters);
                }
            }
            RegistryRoutes routes = new RegistryRoutes(client, new RegistryCommands(Clock.systemUTC()),
                    new BearerTokenAuth(config.registry().adminToken(), "registry.admin_token"),
                    JsonHttpServer.objectMapper());
            JsonHttpServer http = JsonHttpServer.start(config.registry().host(), config.registry().port(), meters,
                    app -> {
                        routes.addTo(app);
                        app.get("/api/health", ctx -> {
                            boolean up = processor.isRunning();
                            Map<String, Object> health = new LinkedHashMap<>();
                            health.put("status", up ? "UP" : "DOWN");
                            health.put("processor", up ? "running" : processorStopped(processor));
                            health.put("events_applied", replica.state().eventsApplied());
                            ctx.status(up ? 200 : 503).json(health);
                        });
                    });
            running = new Running(processor, client, http);
            processor.ended().whenComplete((ignored, failure) -> {
                if (failure == null) {
                    ended.complete(null);
                } else {
                    ended.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            processor.close();
            throw e;
        }
    }

    /** UP while the command processor runs, as the API's {@code /api/health} says. */
    @Override
    public Health health() {
        Running now = running;
        if (now == null) {
            return Health.down("not started");
        }
        return now.processor().isRunning() ? Health.up("running") : Health.down(processorStopped(now.processor()));
    }

    /**
     * Completes when the command processor stops: normally once closed, exceptionally when it stopped on its own
     * (fenced by a newer instance, refused by the broker), which leaves nothing to answer the commands.
     */
    @Override
    public CompletionStage<Void> ended() {
        return ended;
    }

    private static String processorStopped(RegistryProcessor processor) {
        return "stopped: " + (processor.failure() == null ? "closed" : processor.failure().getMessage());
    }

    private static void installTopics(OmegaConfig config, RegistryTopics topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrapServers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            new TopicInstaller(admin, config.kafka().topicPartitions(), (short) config.kafka().replicationFactor(),
                    Duration.ofSeconds(30)).install(topics.specs());
        }
    }

    public RegistryClient client() {
        return running().client();
    }

    public RegistryProcessor processor() {
        return running().processor();
    }

    public int port() {
        return running().http().port();
    }

    public String baseUrl() {
        String host = config.registry().host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The address the HTTP server actually listens on. */
    public String boundHost() {
        return running().http().boundHost();
    }

    private Running running() {
        Running now = running;
        if (now == null) {
            throw new IllegalStateException("the registry is not started");
        }
        return now;
    }

    /** Stops the API, the client and the processor; what they last held stays readable. */
    @Override
    public synchronized void close() {
        Running now = running;
        if (!closed && now != null) {
            now.http().close();
            now.client().close();
            now.processor().close();
        }
        closed = true;
    }
}
