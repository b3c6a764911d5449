package io.omega.schemas.serde;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Outcome;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Undecodable bytes fail as Kafka's SerializationException, naming the topic, so consumers can dead-letter them. */
class DeserializationFailureTest {

    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private final Deserializer<Decision> decisions = serdes.valueDeserializer(Decision.class);

    @Test
    void garbageIsNotInTheWireFormat() {
        assertThatThrownBy(() -> decisions.deserialize("omega.decisions", "hello world".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot decode a Decision from topic omega.decisions: not in the schema-registry wire "
                        + "format (11 bytes, first byte 0x68)");
    }

    @Test
    void tooShortToHoldAnId() {
        assertThatThrownBy(() -> decisions.deserialize("omega.decisions", new byte[]{0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not in the schema-registry wire format (3 bytes, first byte 0x00)");
    }

    @Test
    void anUnknownSchemaIdIsNamed() {
        assertThatThrownBy(() -> decisions.deserialize("omega.decisions", new byte[]{0, 0, 0, 0, 42, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode a Decision from topic omega.decisions:")
                .hasMessage("cannot decode a Decision from topic omega.decisions: schema id 42 is not in the schema "
                        + "registry (it answered 404)");
    }

    @Test
    void aRecordOfAnotherTypeIsRefused() {
        Outcome outcome = (Outcome) SampleRecords.all().get(2).record();
        byte[] bytes = serdes.valueSerializer(Outcome.class).serialize("omega.outcomes", outcome);

        assertThatThrownBy(() -> decisions.deserialize("omega.outcomes", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode a Decision from topic omega.outcomes:");
        assertThat(serdes.valueDeserializer(Outcome.class).deserialize("omega.outcomes", bytes)).isEqualTo(outcome);
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(decisions.deserialize("omega.decisions", null)).isNull();
    }
}
