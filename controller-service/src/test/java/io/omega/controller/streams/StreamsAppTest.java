package io.omega.controller.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

class StreamsAppTest {

    @TempDir
    Path stateDir;

    private static Topology twoRepartitions() {
        StreamsBuilder builder = new StreamsBuilder();
        var strings = Serdes.String();
        builder.stream("in", Consumed.with(strings, strings))
                .selectKey((k, v) -> v)
                .repartition(Repartitioned.<String, String>as("by-value").withKeySerde(strings).withValueSerde(strings))
                .selectKey((k, v) -> "one")
                .repartition(Repartitioned.<String, String>as("all").withNumberOfPartitions(1)
                        .withKeySerde(strings).withValueSerde(strings))
                .to("out", Produced.with(strings, strings));
        return builder.build();
    }

    @Test
    void findsTheRepartitionTopicsOfATopology() {
        assertThat(StreamsApp.repartitionTopics(twoRepartitions().describe()))
                .containsExactly("all-repartition", "by-value-repartition");
    }

    @Test
    void repartitionTopicsAreNamedAsKafkaStreamsNamesThemAndGetItsConfiguration() {
        assertThat(StreamsApp.Repartition.withPartitions("all", 1).topic("app")).isEqualTo("app-all-repartition");
        assertThat(StreamsApp.Repartition.likeTopic("by-value", "in").partitionsOf()).isEqualTo("in");
        assertThat(StreamsApp.REPARTITION_TOPIC_CONFIG).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1").containsEntry("segment.bytes", "52428800")
                .containsEntry("message.timestamp.type", "CreateTime");
    }

    @Test
    void everyRepartitionTopicMustBeDeclared() {
        assertThatThrownBy(() -> new StreamsApp(twoRepartitions(), "127.0.0.1:1", "app", stateDir, Set.of(),
                List.of(StreamsApp.Repartition.withPartitions("all", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repartition topics of app: declared [all-repartition], the topology has "
                        + "[all-repartition, by-value-repartition]");
        assertThatThrownBy(() -> new StreamsApp(twoRepartitions(), "127.0.0.1:1", "app", stateDir))
                .isInstanceOf(IllegalArgumentException.class);
        try (StreamsApp app = new StreamsApp(twoRepartitions(), "127.0.0.1:1", "app", stateDir, Set.of(),
                List.of(StreamsApp.Repartition.withPartitions("all", 1),
                        StreamsApp.Repartition.likeTopic("by-value", "in")))) {
            assertThat(app.state().name()).isEqualTo("CREATED");
        }
    }
}
