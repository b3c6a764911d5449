package io.omega.controller.streams;

import io.omega.schemas.decode.DecodeFailures;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One of the controller's Kafka Streams applications, run the same way: exactly once (a decision and the input that
 * caused it commit together, so a crash neither loses nor repeats one), undecodable input to dead-letter topics,
 * internal topics at the cluster's default replication.
 */
public final class StreamsApp implements AutoCloseable {

    private final KafkaStreams streams;

    public StreamsApp(Topology topology, String bootstrapServers, String applicationId, Path stateDir) {
        this(topology, bootstrapServers, applicationId, stateDir, Set.of());
    }

    /** @param globalTopics the topics {@code topology} reads into global stores (see {@link DeadLetterOnDecodeFailure}) */
    public StreamsApp(Topology topology, String bootstrapServers, String applicationId, Path stateDir,
                      Set<String> globalTopics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnDecodeFailure.class);
        props.put(DeadLetterOnDecodeFailure.GLOBAL_TOPICS, String.join(",", globalTopics));
        // The embedded broker and small deployments have one broker: internal topics cannot ask for three replicas.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        this.streams = new KafkaStreams(topology, props);
        // A record that waits for the schema registry fails its thread (see DeadLetterOnDecodeFailure): replace the
        // thread so that it reads the record again. Anything else stops the client, as before.
        streams.setUncaughtExceptionHandler(e -> DecodeFailures.isTransient(e)
                ? StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    public void start() {
        streams.start();
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
