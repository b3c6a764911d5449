package io.omega.schemas.serde;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.topic.TopicSpec;
import io.omega.schemas.topic.Topics;
import io.omega.schemas.decode.DecodeFailures;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every Kafka serde of the project, from one place. Values are Avro in the Confluent wire format (byte 0, the
 * schema's 4-byte big-endian id, Avro binary) so that Confluent-compatible consumers can read OMEGA's topics;
 * Apicurio's serdes write it, configured with no headers, the 4-byte id handler and content ids, which is what
 * the registry's Confluent-compatible API hands out as schema ids. Subjects follow the topic
 * ({@code <topic>-value}), as Confluent's default strategy does. Keys are plain strings.
 *
 * <p>In EMBEDDED mode every serde of one {@code OmegaSerdes} shares one {@link InMemoryRegistryClient}, so a
 * producer and a consumer in the same JVM agree on ids; in URL mode they talk to the registry at the URL.
 */
public final class OmegaSerdes {

    private final SchemaRegistryConfig config;
    private final RegistryClientFacade embedded;

    public OmegaSerdes(SchemaRegistryConfig config) {
        this.config = config;
        if (config.mode() == RegistryMode.EMBEDDED) {
            InMemoryRegistryClient registry = new InMemoryRegistryClient();
            registerCatalogue(registry);
            this.embedded = registry;
        } else {
            this.embedded = null;
        }
    }

    /**
     * An embedded registry hands out ids in the order schemas arrive and forgets them with the JVM. Registering
     * every record topic's schema first, in catalogue order, gives every instance, in this JVM or the next, the
     * same ids for the same schemas: a restarted service reads what it wrote before, and two components of one
     * JVM read each other's records. (Across processes a real registry, mode {@code url}, is the proper answer.)
     */
    private static void registerCatalogue(InMemoryRegistryClient registry) {
        for (TopicSpec<?> topic : Topics.recordTopics()) {
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            registry.createSchema("AVRO", null, topic.name() + "-value", null, null, false, schema.toString(), Set.of());
        }
    }

    /** The Apicurio settings every serde of this instance uses. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> props = new HashMap<>();
        props.put("apicurio.registry.headers.enabled", false);
        props.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler");
        props.put("apicurio.registry.use-id", "contentId");
        props.put("apicurio.registry.auto-register", config.autoRegister());
        props.put("apicurio.registry.use-specific-avro-reader", true);
        // One self-contained schema per subject, enums inlined, as Confluent's serializer registers it; otherwise
        // Apicurio registers every named type as its own artifact and a Confluent client would need references.
        props.put("apicurio.registry.dereference-schema", true);
        props.put("apicurio.registry.avro-datum-provider", IdentityCachingDatumProvider.class.getName());
        // A content id's schema never changes: keep using a cached one when refreshing it fails (Apicurio expires
        // cache entries every 30 s and, by default, fails every decode until the registry answers again).
        props.put("apicurio.registry.fault-tolerant-refresh", true);
        if (embedded == null) {
            props.put("apicurio.registry.url", config.url());
        }
        return props;
    }

    public <T extends SpecificRecord> Serializer<T> valueSerializer(Class<T> type) {
        AvroKafkaSerializer<T> serializer = embedded != null ? new AvroKafkaSerializer<>(embedded) : new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(), false);
        return new RegisteredSchemaSerializer<>(serializer);
    }

    public <T extends SpecificRecord> Deserializer<T> valueDeserializer(Class<T> type) {
        return valueDeserializer(type, IdentityCachingDatumProvider.class);
    }

    /**
     * A deserializer whose Avro readers come from {@code datumProvider} (a subclass of
     * {@link IdentityCachingDatumProvider} with a public no-argument constructor), for a consumer with its own,
     * faster reader for some writer schemas.
     */
    @SuppressWarnings("rawtypes")
    public <T extends SpecificRecord> Deserializer<T> valueDeserializer(
            Class<T> type, Class<? extends IdentityCachingDatumProvider> datumProvider) {
        AvroKafkaDeserializer<T> deserializer =
                embedded != null ? new AvroKafkaDeserializer<>(embedded) : new AvroKafkaDeserializer<>();
        Map<String, Object> props = serdeConfig();
        props.put("apicurio.registry.avro-datum-provider", datumProvider.getName());
        if (type != SpecificRecord.class) {
            props.put("apicurio.registry.deserializer.value.return-class", type.getName());
        }
        deserializer.configure(props, false);
        return new NamingDeserializer<>(deserializer, type);
    }

    /** Serializer and deserializer together, for Kafka Streams. */
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return Serdes.serdeFrom(valueSerializer(type), valueDeserializer(type));
    }

    /**
     * Says which topic and type a record failed for, always as Kafka's {@link SerializationException}, so a
     * consumer can route the record to its dead-letter topic with a useful reason.
     */
    private record NamingDeserializer<T>(Deserializer<T> inner, Class<T> type) implements Deserializer<T> {

        @Override
        public T deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public T deserialize(String topic, Headers headers, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length < 5 || data[0] != 0) {
                throw new SerializationException("cannot decode a " + type.getSimpleName() + " from topic " + topic
                        + ": not in the schema-registry wire format (" + data.length + " bytes, first byte "
                        + (data.length == 0 ? "none" : String.format("0x%02x", data[0])) + ")");
            }
            try {
                T value = headers == null ? inner.deserialize(topic, data) : inner.deserialize(topic, headers, data);
                if (value != null && !type.isInstance(value)) {
                    throw new SerializationException("expected " + type.getName() + ", got " + value.getClass().getName());
                }
                return value;
            } catch (RuntimeException e) {
                throw describe(topic, schemaId(data), e);
            }
        }

        /**
         * A failure the registry caused is not a {@link SerializationException}: nothing is wrong with the record,
         * and its consumer must try it again rather than dead-letter it. An unknown id is named as such, instead
         * of by the class name Apicurio's {@code ProblemDetails} prints as its message.
         */
        private RuntimeException describe(String topic, long schemaId, RuntimeException e) {
            String what = "cannot decode a " + type.getSimpleName() + " from topic " + topic;
            if (DecodeFailures.isUnknownSchema(e)) {
                return new SerializationException(what + ": schema id " + schemaId
                        + " is not in the schema registry (it answered 404)", e);
            }
            if (DecodeFailures.isTransient(e)) {
                return new SchemaRegistryUnavailableException(what + ": the schema registry cannot be reached for"
                        + " schema id " + schemaId + " (" + registryProblem(e) + ")", e);
            }
            return new SerializationException(what + ": " + rootMessage(e), e);
        }

        private static long schemaId(byte[] data) {
            return ByteBuffer.wrap(data, 1, 4).getInt() & 0xffffffffL;
        }

        private static String registryProblem(Throwable e) {
            return DecodeFailures.registryStatus(e).map(status -> "it answered " + status).orElseGet(() -> {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                return root.toString();
            });
        }

        @Override
        public void close() {
            inner.close();
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
        }
    }
}
