package io.omega.sink.decode;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
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
    private final boolean checked;

    /**
     * With a registry at a URL, the sink builds its own Apicurio deserializers from the shared serde settings plus
     * {@link IdentityCachingDatumProvider} (decoding twice as fast); with the embedded registry it must use the
     * serdes' own, which share the in-memory registry with the producers of this JVM.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public EventDecoder(OmegaSerdes serdes) {
        Map<String, Object> settings = serdes.serdeConfig();
        boolean registryAtUrl = settings.containsKey("apicurio.registry.url");
        for (SinkTopic topic : SinkTopic.ALL) {
            types.put(topic.topic(), topic.eventType());
            if (registryAtUrl) {
                Map<String, Object> props = new HashMap<>(settings);
                props.put("apicurio.registry.deserializer.value.return-class", topic.eventType().getName());
                props.put("apicurio.registry.avro-datum-provider", IdentityCachingDatumProvider.class.getName());
                AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
                deserializer.configure(props, false);
                deserializers.put(topic.topic(), deserializer);
            } else {
                deserializers.put(topic.topic(), serdes.valueDeserializer((Class) topic.eventType()));
            }
        }
        this.checked = registryAtUrl;
    }

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
        if (checked && (data.length < 5 || data[0] != 0)) {
            // The serdes' own deserializer says this itself; ours is Apicurio's, which would not name the topic.
            throw new UndecodableRecordException("cannot decode a " + what + " from topic " + record.topic()
                    + ": not in the schema-registry wire format (" + data.length + " bytes, first byte "
                    + (data.length == 0 ? "none" : String.format("0x%02x", data[0])) + ")", null);
        }
        Object event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), data);
        } catch (RuntimeException e) {
            String message = checked ? "cannot decode a " + what + " from topic " + record.topic() + ": " + e.getMessage()
                    : e.getMessage();
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
