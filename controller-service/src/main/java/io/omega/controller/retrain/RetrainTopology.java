package io.omega.controller.retrain;

import io.omega.controller.streams.StreamsApp;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
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

import java.util.List;

/**
 * {@code omega.outcomes} + {@code omega.training-results} ─▶ one key, one partition ─▶ {@link RetrainTrigger} ─▶
 * {@code omega.training-requests} and RETRAIN_TRIGGERED on {@code omega.controller-events}.
 *
 * <p>The counts are tiny (one per model type), so everything goes through a single partition: the trigger sees
 * outcomes and results in one order, and "never two at once" needs no coordination.
 */
public final class RetrainTopology {

    static final String ONE_KEY = "all";

    /** Every input of the trigger through one partition, so one task sees them all in order. */
    public static final List<StreamsApp.Repartition> REPARTITIONS =
            List.of(StreamsApp.Repartition.withPartitions("retrain-inputs", 1));

    private RetrainTopology() {
    }

    public static Topology build(RetrainSettings settings, OmegaSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        var strings = Serdes.String();
        var any = serdes.valueSerde(SpecificRecord.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RetrainTrigger.STORE), strings,
                RetrainState.serde()));
        KStream<String, SpecificRecord> outcomes = builder
                .stream(Topics.OUTCOMES.name(), Consumed.with(strings, serdes.valueSerde(Outcome.class)))
                .mapValues(o -> (SpecificRecord) o, Named.as("outcome-as-record"));
        KStream<String, SpecificRecord> results = builder
                .stream(Topics.TRAINING_RESULTS.name(), Consumed.with(strings, serdes.valueSerde(TrainingResult.class)))
                .mapValues(r -> (SpecificRecord) r, Named.as("result-as-record"));
        outcomes.merge(results, Named.as("retrain-inputs"))
                .selectKey((k, v) -> ONE_KEY, Named.as("one-key"))
                .repartition(Repartitioned.<String, SpecificRecord>as("retrain-inputs").withNumberOfPartitions(1)
                        .withKeySerde(strings).withValueSerde(any))
                .process(() -> new RetrainTrigger(settings), Named.as("retrain-trigger"), RetrainTrigger.STORE)
                .split(Named.as("retrain-"))
                .branch((type, record) -> record instanceof TrainingRequest,
                        Branched.withConsumer(s -> s.to(Topics.TRAINING_REQUESTS.name(), Produced.with(strings, any)),
                                "requests"))
                .defaultBranch(Branched.withConsumer(
                        s -> s.to(Topics.CONTROLLER_EVENTS.name(), Produced.with(strings, any)), "events"));
        return builder.build();
    }
}
