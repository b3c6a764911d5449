package io.omega.controller.monitor;

import io.omega.schemas.serde.OmegaSerdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs the {@link MonitorTopology} with exactly-once processing: an outcome's window update and the alert and
 * rollback it causes are committed together, so a crash can neither lose an alert nor send a rollback twice.
 */
public final class LiveMonitor implements AutoCloseable {

    public static final String APPLICATION_ID = "omega-controller-monitor";

    private final KafkaStreams streams;

    public LiveMonitor(MonitorSettings settings, OmegaSerdes serdes, String bootstrapServers, String applicationId,
                       Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnDecodeFailure.class);
        // The embedded broker and small deployments have one broker: internal topics cannot ask for three replicas.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        this.streams = new KafkaStreams(MonitorTopology.build(settings, serdes), props);
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

    /** The live window of one model version, as this instance holds it; empty when unknown or not queryable yet. */
    public Optional<WatchState> watch(String modelType, String version) {
        try {
            ReadOnlyKeyValueStore<String, WatchState> store = streams.store(StoreQueryParameters.fromNameAndType(
                    DegradationMonitor.STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(ModelKey.of(modelType, version)));
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
