package io.omega.schemas.topic;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.serde.SampleRecords;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed reading of followed topics: values to their topic's handler, undecodable records counted and skipped. */
class DecodingHandlerTest {

    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private final Serializer<SpecificRecord> writer = serdes.valueSerializer(SpecificRecord.class);
    private final Decision decision = sample(Decision.class);
    private final Outcome outcome = sample(Outcome.class);

    private final List<Decision> decisions = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final DecodingHandler handler = DecodingHandler.reading(serdes, "a test view")
            .on(Topics.OUTCOMES, outcomes::add)
            .on(Topics.DECISIONS, decisions::add)
            .build();

    @Test
    void handsEachTopicsValuesToItsHandler() {
        handler.accept(record(Topics.DECISIONS.name(), 0, writer.serialize(Topics.DECISIONS.name(), decision)));
        handler.accept(record(Topics.OUTCOMES.name(), 1, writer.serialize(Topics.OUTCOMES.name(), outcome)));
        handler.accept(record(Topics.DECISIONS.name(), 2, writer.serialize(Topics.DECISIONS.name(), decision)));

        assertThat(decisions).containsExactly(decision, decision);
        assertThat(outcomes).containsExactly(outcome);
        assertThat(handler.skipped()).isZero();
        assertThat(handler.topics()).containsExactly(Topics.OUTCOMES.name(), Topics.DECISIONS.name());
    }

    @Test
    void countsAndSkipsWhatCanNeverBeDecoded() {
        handler.accept(record(Topics.DECISIONS.name(), 0, "hello world".getBytes()));
        handler.accept(record(Topics.DECISIONS.name(), 1, null));
        handler.accept(record(Topics.DECISIONS.name(), 2, writer.serialize(Topics.DECISIONS.name(), decision)));

        assertThat(handler.skipped()).isEqualTo(2);
        assertThat(decisions).containsExactly(decision);
    }

    @Test
    void refusesATopicItDoesNotFollow() {
        assertThatThrownBy(() -> handler.accept(record(Topics.EVALUATIONS.name(), 0, new byte[]{0})))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a test view follows [omega.outcomes, omega.decisions], not omega.evaluations");
    }

    @Test
    void refusesTheSameTopicTwice() {
        assertThatThrownBy(() -> DecodingHandler.reading(serdes, "x").on(Topics.DECISIONS, d -> { })
                .on(Topics.DECISIONS, d -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("omega.decisions is already handled");
        assertThatThrownBy(() -> DecodingHandler.reading(serdes, "x").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyValueIsAPermanentFailureNamingItsPosition() {
        TopicDecoder<Decision> decoder = TopicDecoder.of(Topics.DECISIONS, serdes);
        assertThatThrownBy(() -> decoder.decode(record(Topics.DECISIONS.name(), 7, null)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("an empty value is not a Decision (record at omega.decisions partition 0, offset 7)");
        assertThat(decoder.decode(record(Topics.DECISIONS.name(), 8, writer.serialize(Topics.DECISIONS.name(),
                decision)))).isEqualTo(decision);
    }

    @Test
    void aRegistryThatCannotBeAskedGoesThroughToTheFollower() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OmegaSerdes unreachable = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL,
                "http://127.0.0.1:" + port + "/apis/registry/v3", false));
        DecodingHandler view = DecodingHandler.reading(unreachable, "a test view")
                .on(Topics.DECISIONS, decisions::add)
                .build();

        // The follower rewinds and retries on this exception; the record is neither skipped nor handled.
        assertThatThrownBy(() -> view.accept(record(Topics.DECISIONS.name(), 0, new byte[]{0, 0, 0, 0, 7, 2, 4})))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(view.skipped()).isZero();
        assertThat(decisions).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset, null, value);
    }

    private static <T> T sample(Class<T> type) {
        return SampleRecords.all().stream().map(SampleRecords.Sample::record).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }
}
