package io.omega.registry.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.omega.config.OmegaConfig;
import io.omega.registry.metrics.RegistryMetrics;
import io.omega.registry.model.ModelTypeState;
import io.omega.registry.model.ModelVersion;
import io.omega.registry.model.ProductionTenure;
import io.omega.registry.model.RegistryState;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry as other code uses it: register, promote, roll back, archive, and queries. Changes are commands sent to
 * {@code omega.registry-commands}; each call waits for the event that answers its command (matched by command id)
 * and returns it, REJECTED included. Queries read a replica of the registry's state that this client folds from
 * {@code omega.registry-events}, so they need no registry server, and a call that returned an event is already
 * reflected in them.
 */
public final class RegistryClient implements AutoCloseable {

    private final ClientSettings settings;
    private final KafkaProducer<String, RegistryCommand> producer;
    private final EventFollower follower;
    private final RegistryMetrics metrics;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final RegistryCommands commands;

    private record Pending(CompletableFuture<RegistryEvent> future, long sentNanos) {
    }

    private RegistryClient(ClientSettings settings, Serializer<RegistryCommand> commandWriter,
                           TopicDecoder<RegistryEvent> eventReader, RegistryMetrics metrics, Clock clock) {
        this.settings = settings;
        this.commands = new RegistryCommands(clock);
        this.metrics = metrics;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-commands",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), commandWriter);
        this.follower = new EventFollower(settings.bootstrapServers(), settings.clientId(), settings.topics().events(),
                eventReader, this::answered);
    }

    /** Connects, reads the event log to its end, and returns a client whose queries are up to date. */
    public static RegistryClient start(ClientSettings settings, Serializer<RegistryCommand> commandWriter,
                                       TopicDecoder<RegistryEvent> eventReader, RegistryMetrics metrics,
                                       Duration startTimeout) {
        RegistryClient client = new RegistryClient(settings, commandWriter, eventReader, metrics, Clock.systemUTC());
        try {
            client.follower.start(startTimeout);
        } catch (RuntimeException e) {
            client.producer.close(Duration.ZERO);
            throw e;
        }
        return client;
    }

    /**
     * A client on the catalogue's topics, configured from {@code kafka} and {@code registry.command_timeout_ms}: what
     * another service (the trainer, the controller) uses. {@code serdes} must be the one instance the JVM shares.
     */
    public static RegistryClient start(OmegaConfig config, OmegaSerdes serdes, String clientName, MeterRegistry meters) {
        EmbeddedSchemaIds.pin(config.schemaRegistry(), serdes, RegistryTopics.catalogue());
        return start(new ClientSettings(config.kafka().bootstrapServers(),
                        config.kafka().clientIdPrefix() + "-" + clientName, RegistryTopics.catalogue(),
                        Duration.ofMillis(config.registry().commandTimeoutMs())),
                serdes.valueSerializer(RegistryCommand.class), TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes),
                new RegistryMetrics(meters), Duration.ofMinutes(2));
    }

    private void answered(RegistryEvent event) {
        Pending waiting = pending.remove(event.getCommandId());
        if (waiting != null) {
            metrics.roundTrip(Duration.ofNanos(System.nanoTime() - waiting.sentNanos()));
            waiting.future().complete(event);
        }
    }

    /** Sends a command; the future completes with the event that answers it. */
    public CompletableFuture<RegistryEvent> submit(RegistryCommand command) {
        CompletableFuture<RegistryEvent> future = new CompletableFuture<>();
        pending.put(command.getId(), new Pending(future, System.nanoTime()));
        producer.send(new ProducerRecord<>(settings.topics().commands(), command.getModelType(), command),
                (metadata, error) -> {
                    if (error != null) {
                        pending.remove(command.getId());
                        future.completeExceptionally(error);
                    }
                });
        return future;
    }

    /**
     * Sends a command and waits for its event.
     *
     * @throws CommandTimeoutException when no event answers within the configured command timeout
     */
    public RegistryEvent execute(RegistryCommand command) {
        CompletableFuture<RegistryEvent> future = submit(command);
        try {
            return future.get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(command.getId());
            throw new CommandTimeoutException(command.getId(), settings.commandTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.remove(command.getId());
            throw new IllegalStateException("interrupted while waiting for the answer to " + command.getId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send command " + command.getId() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    // Commands and queries -----------------------------------------------------------------------------------------

    public RegistryEvent registerModel(ModelRegistration model, String actor, String reason) {
        return execute(commands.register(model, actor, reason));
    }

    public RegistryEvent promoteToProduction(String modelType, String version, String actor, String reason) {
        return execute(commands.promote(modelType, version, actor, reason));
    }

    public RegistryEvent rollbackToPrevious(String modelType, String actor, String reason) {
        return execute(commands.rollback(modelType, actor, reason));
    }

    public RegistryEvent archiveModel(String modelType, String version, String actor, String reason) {
        return execute(commands.archive(modelType, version, actor, reason));
    }

    public Optional<ModelVersion> getCurrentProductionModel(String modelType) {
        return follower.state().type(modelType).production();
    }

    public Optional<ModelVersion> getBestCandidate(String modelType, String metricName) {
        return follower.state().type(modelType).bestCandidate(metricName);
    }

    /** Every version of a model type, oldest first. */
    public List<ModelVersion> list(String modelType) {
        return follower.state().type(modelType).list();
    }

    /** Who put each version into production and took it out, when and why, oldest first. */
    public List<ProductionTenure> history(String modelType) {
        return follower.state().type(modelType).history();
    }

    public ModelTypeState modelType(String modelType) {
        return follower.state().type(modelType);
    }

    /** The replica this client reads (read only). */
    public RegistryState state() {
        return follower.state();
    }

    /** Events this client could not read or apply and skipped. */
    public long unreadableEvents() {
        return follower.unreadable();
    }

    public Duration commandTimeout() {
        return settings.commandTimeout();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        follower.close();
        pending.values().forEach(p -> p.future().cancel(false));
    }
}
