package io.omega.controller.promotion;

import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code omega.evaluations} ─▶ {@link PromotionGate} ─▶ PROMOTE commands to {@code omega.registry-commands} and
 * decisions to {@code omega.controller-events}. Its own application: the live monitor reads the same topic into a
 * global store, and Kafka Streams lets one application read a topic one way only.
 */
public final class PromotionGateTopology {

    private PromotionGateTopology() {
    }

    public static Topology build(GateSettings settings, OmegaSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        var strings = Serdes.String();
        var out = serdes.valueSerde(SpecificRecord.class);
        builder.stream(Topics.EVALUATIONS.name(), Consumed.with(strings, serdes.valueSerde(Evaluation.class)))
                .process(() -> new PromotionGate(settings), Named.as("promotion-gate"))
                .split(Named.as("gate-"))
                .branch((type, record) -> record instanceof RegistryCommand,
                        Branched.withConsumer(s -> s.to(Topics.REGISTRY_COMMANDS.name(), Produced.with(strings, out)),
                                "commands"))
                .defaultBranch(Branched.withConsumer(
                        s -> s.to(Topics.CONTROLLER_EVENTS.name(), Produced.with(strings, out)), "events"));
        return builder.build();
    }
}
