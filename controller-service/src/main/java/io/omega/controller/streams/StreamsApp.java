package io.omega.controller.streams;

import io.omega.schemas.decode.DecodeFailures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One of the controller's Kafka Streams applications, run the same way: exactly once (a decision and the input that
 * caused it commit together, so a crash neither loses nor repeats one), undecodable input to dead-letter topics,
 * internal topics at the cluster's default replication, repartition topics created before the start.
 */
public final class StreamsApp implements AutoCloseable {

    /** Kafka Streams' own default under exactly-once. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    /** What Kafka Streams gives a repartition topic it creates (its {@code RepartitionTopicConfig}). */
    static final Map<String, String> REPARTITION_TOPIC_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.SEGMENT_BYTES_CONFIG, "52428800",
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");

    /**
     * A repartition topic of the topology ({@code Repartitioned.as(name)}), to create before the start: with a
     * fixed number of partitions, or with as many as {@code partitionsOf} has (what Streams does when the
     * topology fixes none).
     */
    public record Repartition(String name, int partitions, String partitionsOf) {

        public static Repartition withPartitions(String name, int partitions) {
            return new Repartition(name, partitions, null);
        }

        public static Repartition likeTopic(String name, String topic) {
            return new Repartition(name, 0, topic);
        }

        /** The topic's name on the cluster. */
        String topic(String applicationId) {
            return applicationId + "-" + name + "-repartition";
        }
    }

    private final KafkaStreams streams;
    private final String bootstrapServers;
    private final String applicationId;
    private final List<Repartition> repartitions;

    public StreamsApp(Topology topology, String bootstrapServers, String applicationId, Path stateDir) {
        this(topology, bootstrapServers, applicationId, stateDir, Set.of(), List.of());
    }

    /**
     * @param globalTopics the topics {@code topology} reads into global stores (see {@link DeadLetterOnDecodeFailure})
     * @param repartitions every repartition topic of {@code topology}
     */
    public StreamsApp(Topology topology, String bootstrapServers, String applicationId, Path stateDir,
                      Set<String> globalTopics, List<Repartition> repartitions) {
        this(topology, bootstrapServers, applicationId, stateDir, globalTopics, repartitions, DEFAULT_COMMIT_INTERVAL);
    }

    /** @param commitInterval how often it commits: under exactly-once, when what it wrote becomes readable */
    public StreamsApp(Topology topology, String bootstrapServers, String applicationId, Path stateDir,
                      Set<String> globalTopics, List<Repartition> repartitions, Duration commitInterval) {
        Set<String> declared = new TreeSet<>();
        repartitions.forEach(r -> declared.add(r.name() + "-repartition"));
        Set<String> inTopology = repartitionTopics(topology.describe());
        if (!declared.equals(inTopology)) {
            throw new IllegalArgumentException("repartition topics of " + applicationId + ": declared " + declared
                    + ", the topology has " + inTopology);
        }
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.repartitions = List.copyOf(repartitions);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnDecodeFailure.class);
        // An exception thrown by a processor fails the thread (and the uncaught handler below decides), in stream
        // tasks and, explicitly, in the global thread too. Without the second setting Kafka Streams 4.x warns on every
        // configuration it builds that global processing bypasses the handler (to change in Kafka 5.0). Its partition
        // assignor builds one more from the main consumer's configuration, which carries only main.consumer.* keys of
        // ours, hence the third (the consumer itself ignores the key).
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        props.put(DeadLetterOnDecodeFailure.GLOBAL_TOPICS, String.join(",", globalTopics));
        // The embedded broker and small deployments have one broker: internal topics cannot ask for three replicas.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        this.streams = new KafkaStreams(topology, props);
        // ERROR is where the uncaught handler's SHUTDOWN_CLIENT ends: the application no longer processes anything.
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                ended.completeExceptionally(new IllegalStateException(applicationId
                        + ": Kafka Streams stopped in ERROR (a stream thread failed; its log says why)"));
            } else if (now == KafkaStreams.State.NOT_RUNNING) {
                ended.complete(null);
            }
        });
        // A record that waits for the schema registry fails its thread (see DeadLetterOnDecodeFailure): replace the
        // thread so that it reads the record again. Anything else stops the client, as before.
        streams.setUncaughtExceptionHandler(e -> DecodeFailures.isTransient(e)
                ? StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    public void start() {
        createRepartitionTopics();
        streams.start();
    }

    /**
     * Kafka Streams creates repartition topics itself, but only in its first rebalance, after its consumer has
     * subscribed to them: until then each metadata response reports them as UNKNOWN_TOPIC_OR_PARTITION, logged at
     * WARN. Creating them first, with the partitions and configuration Streams would give them, avoids that; Streams
     * uses an existing repartition topic whose partition count matches. If they cannot be created here, Streams
     * still creates them itself.
     */
    private void createRepartitionTopics() {
        if (repartitions.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Repartition r : repartitions) {
                int partitions = r.partitionsOf() == null ? r.partitions()
                        : admin.describeTopics(List.of(r.partitionsOf())).allTopicNames().get(30, TimeUnit.SECONDS)
                                .get(r.partitionsOf()).partitions().size();
                topics.add(new NewTopic(r.topic(applicationId), Optional.of(partitions), Optional.empty())
                        .configs(REPARTITION_TOPIC_CONFIG));
            }
            for (var created : admin.createTopics(topics).values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("{}: could not create its repartition topics before the start, Kafka Streams creates them: {}",
                    applicationId, cause.toString());
        }
    }

    /** The repartition topics a topology writes to, without the application id. */
    public static Set<String> repartitionTopics(TopologyDescription description) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && sink.topic().endsWith("-repartition")) {
                    topics.add(sink.topic());
                }
            }
        }
        return topics;
    }

    /** Completes once the application is closed, exceptionally when it stopped in ERROR on its own. */
    public CompletionStage<Void> ended() {
        return ended;
    }

    /** True once every task runs: state restored, global stores loaded. */
    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** A value of one of this application's key-value stores; empty when absent or not queryable yet. */
    public <V> Optional<V> lookup(String store, String key) {
        try {
            ReadOnlyKeyValueStore<String, V> kv = streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(kv.get(key));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** Stops and leaves the group, so another instance takes over the partitions at once, not after a timeout. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
