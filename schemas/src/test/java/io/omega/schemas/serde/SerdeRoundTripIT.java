package io.omega.schemas.serde;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.serde.SampleRecords.Sample;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import io.omega.testing.registry.ApicurioRegistryExtension;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record through a real broker and back, with the embedded registry and with the real one. */
@ExtendWith({KafkaBrokerExtension.class, ApicurioRegistryExtension.class})
class SerdeRoundTripIT {

    private final String bootstrap;
    private final ApicurioRegistryProcess registry;

    SerdeRoundTripIT(KafkaTestBroker kafka, ApicurioRegistryProcess registry) {
        this.bootstrap = kafka.bootstrapServers();
        this.registry = registry;
    }

    static Stream<Arguments> samples() {
        List<Arguments> args = new ArrayList<>();
        for (RegistryMode mode : RegistryMode.values()) {
            SampleRecords.all().forEach(sample -> args.add(Arguments.of(mode, sample)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{1} with the {0} registry")
    @MethodSource("samples")
    @SuppressWarnings("unchecked")
    void roundTripsThroughTheBroker(RegistryMode mode, Sample sample) throws Exception {
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(mode,
                mode == RegistryMode.URL ? registry.registryApiUrl() : "", true));
        // A fresh topic per case keeps the shared broker's other users out of the way.
        String topic = sample.topic() + ".it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Class<SpecificRecord> type = (Class<SpecificRecord>) sample.record().getClass();
        Serializer<SpecificRecord> serializer = serdes.valueSerializer(type);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "key", sample.record())).get();
        }

        ConsumerRecord<String, byte[]> raw = readOne(topic, new ByteArrayDeserializer());
        byte[] bytes = raw.value();
        assertThat(bytes[0]).as("magic byte").isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(schemaId).isPositive();

        Deserializer<SpecificRecord> deserializer = serdes.valueDeserializer(type);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sample.record());
        assertThat(readOne(topic, serdes.valueDeserializer(type)).value()).isEqualTo(sample.record());
    }

    private <V> ConsumerRecord<String, V> readOne(String topic, Deserializer<V> values) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "rt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    return r;
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic);
    }
}
