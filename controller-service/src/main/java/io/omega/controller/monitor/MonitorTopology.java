package io.omega.controller.monitor;

import io.omega.controller.streams.StreamsApp;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The live monitor as a Kafka Streams topology:
 *
 * <pre>
 * omega.registry-events ─▶ global store production-versions   (type → production version, since which event)
 * omega.evaluations     ─▶ global store evaluated-backtests   (type|version → backtested win rate, PnL, trades)
 * omega.outcomes ─▶ re-key by model type ─▶ repartition ─▶ DegradationMonitor (store live-windows)
 *                                                            ├─▶ ControllerEvent  ─▶ omega.controller-events
 *                                                            └─▶ RegistryCommand  ─▶ omega.registry-commands
 * </pre>
 *
 * Outcomes arrive keyed by symbol; re-keying by model type puts every outcome of a type on one task, in order, so
 * its stints need no coordination. The stores are in memory with changelogs: a restart restores them from Kafka.
 */
public final class MonitorTopology {

    /** The topics read into global stores. */
    public static final java.util.Set<String> GLOBAL_TOPICS =
            java.util.Set.of(Topics.REGISTRY_EVENTS.name(), Topics.EVALUATIONS.name());

    /** The repartition by model type, with as many partitions as omega.outcomes (Streams' own choice). */
    public static final java.util.List<StreamsApp.Repartition> REPARTITIONS =
            java.util.List.of(StreamsApp.Repartition.likeTopic("outcomes-by-model-type", Topics.OUTCOMES.name()));

    private MonitorTopology() {
    }

    public static Topology build(MonitorSettings settings, OmegaSerdes serdes) {
        return build(settings, serdes, new MonitorProgress());
    }

    /** The topology, counting what its monitor does in {@code progress}. */
    public static Topology build(MonitorSettings settings, OmegaSerdes serdes, MonitorProgress progress) {
        StreamsBuilder builder = new StreamsBuilder();
        var strings = Serdes.String();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ProductionVersions.STORE),
                        strings, Production.serde()).withLoggingDisabled(),
                Topics.REGISTRY_EVENTS.name(), Consumed.with(strings, serdes.valueSerde(RegistryEvent.class)),
                ProductionVersions::new);
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EvaluatedBacktests.STORE),
                        strings, BacktestFigures.serde()).withLoggingDisabled(),
                Topics.EVALUATIONS.name(), Consumed.with(strings, serdes.valueSerde(Evaluation.class)),
                EvaluatedBacktests::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DegradationMonitor.STORE),
                strings, WatchState.serde()));

        KStream<String, SpecificRecord> decisions = builder
                .stream(Topics.OUTCOMES.name(), Consumed.with(strings, serdes.valueSerde(Outcome.class)))
                .selectKey((symbol, outcome) -> outcome.getModelType(), Named.as("key-by-model-type"))
                .repartition(Repartitioned.<String, Outcome>as("outcomes-by-model-type")
                        .withKeySerde(strings).withValueSerde(serdes.valueSerde(Outcome.class)))
                .process(() -> new DegradationMonitor(settings, progress), Named.as("degradation-monitor"),
                        DegradationMonitor.STORE);

        var out = serdes.valueSerde(SpecificRecord.class);
        decisions.split(Named.as("monitor-"))
                .branch((type, record) -> record instanceof io.omega.schemas.event.RegistryCommand,
                        Branched.withConsumer(s -> s.to(Topics.REGISTRY_COMMANDS.name(), Produced.with(strings, out)),
                                "commands"))
                .defaultBranch(Branched.withConsumer(
                        s -> s.to(Topics.CONTROLLER_EVENTS.name(), Produced.with(strings, out)), "events"));
        return builder.build();
    }
}
