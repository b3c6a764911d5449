package io.omega.schemas.topic;

import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.serde.OmegaSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes the raw records of one topic into its value type. For consumers that keep the raw bytes on purpose, because
 * what they cannot decode goes to a dead-letter topic byte for byte (the workers, the registry); a reader that only
 * follows topics uses {@link DecodingHandler}.
 *
 * @param <V> the topic's record type
 */
public final class TopicDecoder<V extends SpecificRecord> {

    private final TopicSpec<V> topic;
    private final Deserializer<V> deserializer;

    private TopicDecoder(TopicSpec<V> topic, Deserializer<V> deserializer) {
        this.topic = topic;
        this.deserializer = deserializer;
    }

    public static <V extends SpecificRecord> TopicDecoder<V> of(TopicSpec<V> topic, OmegaSerdes serdes) {
        return new TopicDecoder<>(topic, serdes.valueDeserializer(topic.valueType()));
    }

    public TopicSpec<V> topic() {
        return topic;
    }

    /**
     * The record's value.
     *
     * @throws SerializationException             when the record can never be decoded (not the wire format, a schema
     *                                            id the registry does not know, Avro that does not parse, or no value
     *                                            at all); the message names the record's position
     * @throws SchemaRegistryUnavailableException when the schema registry could not be asked: nothing is wrong with
     *                                            the record, read it again later
     */
    public V decode(ConsumerRecord<?, byte[]> record) {
        V value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (value == null) {
            throw new SerializationException(RecordPosition.of(record).describe("an empty value is not a "
                    + topic.valueType().getSimpleName()));
        }
        return value;
    }
}
