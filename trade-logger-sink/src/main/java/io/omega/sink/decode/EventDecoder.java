package io.omega.sink.decode;

import io.omega.schemas.decode.DecodeFailures;
import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.store.ExperienceRow;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the raw bytes of a consumed record into a row, or says why it cannot. The sink consumes bytes and
 * decodes here (rather than in the consumer) so that a record it cannot decode is still at hand, unchanged, for
 * the dead-letter topic.
 */
public final class EventDecoder implements AutoCloseable {

    /** Why a record cannot be kept. */
    public static final class UndecodableRecordException extends RuntimeException {
        public UndecodableRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, Deserializer<?>> deserializers = new HashMap<>();
    private final Map<String, Class<?>> types = new HashMap<>();

    /**
     * The serdes' own deserializers: they check the wire format, name the topic when a record cannot be decoded, and
     * cache Avro readers by schema instance (Apicurio's default fingerprints the schema per record, which was half
     * of the sink's decoding time); decisions of the current schema are read by {@link DecisionReader}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public EventDecoder(OmegaSerdes serdes) {
        for (SinkTopic topic : SinkTopic.ALL) {
            types.put(topic.topic(), topic.eventType());
            deserializers.put(topic.topic(), serdes.valueDeserializer((Class) topic.eventType(), SinkDatumProvider.class));
        }
    }

    /**
     * The record's row. Throws {@link UndecodableRecordException} if the record can never be kept, and
     * {@link SchemaRegistryUnavailableException} if its schema could not be fetched (the same record may decode
     * once the registry answers again).
     */
    public ExperienceRow decode(ConsumerRecord<byte[], byte[]> record) {
        Deserializer<?> deserializer = deserializers.get(record.topic());
        if (deserializer == null) {
            throw new UndecodableRecordException("the sink does not consume topic " + record.topic(), null);
        }
        if (record.value() == null) {
            throw new UndecodableRecordException("empty value (a tombstone) on " + record.topic()
                    + ": experience topics carry only events", null);
        }
        String what = types.get(record.topic()).getSimpleName();
        byte[] data = record.value();
        Object event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), data);
        } catch (RuntimeException e) {
            String message = RecordPosition.of(record).describe(e.getMessage());
            if (DecodeFailures.isTransient(e)) {
                // Nothing is wrong with the record: the sink must wait and try it again, not dead-letter it.
                throw new SchemaRegistryUnavailableException(message, e);
            }
            throw new UndecodableRecordException(message, e);
        }
        if (event != null && !types.get(record.topic()).isInstance(event)) {
            throw new UndecodableRecordException("cannot decode a " + what + " from topic " + record.topic()
                    + ": got a " + event.getClass().getName(), null);
        }
        if (!(event instanceof SpecificRecord)) {
            throw new UndecodableRecordException("decoded to " + event + ", not an event", null);
        }
        try {
            ExperienceRow row = RowMapper.toRow(event, record.partition(), record.offset());
            if (row.symbol().isBlank()) {
                throw new IllegalArgumentException("symbol is blank");
            }
            return row;
        } catch (RuntimeException e) {
            throw new UndecodableRecordException("invalid " + event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deserializers.values().forEach(Deserializer::close);
    }
}
