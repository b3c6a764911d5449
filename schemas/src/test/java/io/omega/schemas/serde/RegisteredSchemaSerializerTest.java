package io.omega.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.serde.SampleRecords.Sample;
import io.omega.schemas.event.Decision;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredSchemaSerializerTest {

    @Test
    void writesTheSameBytesAsApicuriosSerializerForEveryRecord() {
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        Serializer<SpecificRecord> fast = serdes.valueSerializer(SpecificRecord.class);
        for (Sample sample : SampleRecords.all()) {
            byte[] first = fast.serialize(sample.topic(), sample.record());   // registers, through Apicurio
            byte[] cached = fast.serialize(sample.topic(), sample.record());  // encoded directly
            assertThat(cached).as(sample.toString()).isEqualTo(first);
            assertThat(serdes.valueDeserializer(SpecificRecord.class).deserialize(sample.topic(), cached))
                    .isEqualTo(sample.record());
        }
    }

    @Test
    void aRecordLargerThanTheReusedBufferAndTheOneAfterItAreBothIntact() {
        OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        Serializer<SpecificRecord> fast = serdes.valueSerializer(SpecificRecord.class);
        Decision small = (Decision) SampleRecords.all().get(0).record();
        Map<String, Double> many = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            many.put("feature_" + i, i * 0.25);
        }
        Decision large = Decision.newBuilder(small).setMarketFeatures(many).build();
        fast.serialize(Topics.DECISIONS.name(), small); // registers the schema
        byte[] largeBytes = fast.serialize(Topics.DECISIONS.name(), large);
        byte[] smallBytes = fast.serialize(Topics.DECISIONS.name(), small);
        assertThat(largeBytes.length).isGreaterThan(5_000);
        var reader = serdes.valueDeserializer(SpecificRecord.class);
        assertThat(reader.deserialize(Topics.DECISIONS.name(), largeBytes)).isEqualTo(large);
        assertThat(reader.deserialize(Topics.DECISIONS.name(), smallBytes)).isEqualTo(small);
    }

    @Test
    void everyEmbeddedRegistryGivesTheSameIdsWhateverTheOrderOfUse() {
        OmegaSerdes first = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        OmegaSerdes second = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
        List<Sample> samples = SampleRecords.all();
        Map<String, byte[]> written = new java.util.HashMap<>();
        for (Sample sample : samples) {
            written.put(sample.topic(), first.valueSerializer(SpecificRecord.class).serialize(sample.topic(), sample.record()));
        }
        Set<Integer> ids = new java.util.HashSet<>();
        for (int i = samples.size() - 1; i >= 0; i--) { // the other instance uses them in the opposite order
            Sample sample = samples.get(i);
            byte[] bytes = second.valueSerializer(SpecificRecord.class).serialize(sample.topic(), sample.record());
            assertThat(java.util.Arrays.copyOf(bytes, 5)).as(sample.topic())
                    .isEqualTo(java.util.Arrays.copyOf(written.get(sample.topic()), 5));
            assertThat(second.valueDeserializer(SpecificRecord.class).deserialize(sample.topic(), written.get(sample.topic())))
                    .isEqualTo(sample.record());
            ids.add(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt());
        }
        // one id per record type, from the catalogue's first registrations
        assertThat(ids).allSatisfy(id -> assertThat(id).isBetween(1, 9));
    }

    @Test
    void asksTheRegistryOncePerTopicAndSchema() {
        int[] registryCalls = {0};
        Serializer<SpecificRecord> counting = new Serializer<>() {
            private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
            private final AvroKafkaSerializer<SpecificRecord> apicurio = apicurio(serdes);

            @Override
            public byte[] serialize(String topic, SpecificRecord data) {
                registryCalls[0]++;
                return apicurio.serialize(topic, data);
            }
        };
        RegisteredSchemaSerializer<SpecificRecord> serializer = new RegisteredSchemaSerializer<>(counting);
        Sample decision = SampleRecords.all().get(0);
        for (int i = 0; i < 5; i++) {
            serializer.serialize("a", decision.record());
            serializer.serialize("b", decision.record());
        }
        assertThat(registryCalls[0]).isEqualTo(2);
        assertThat(serializer.serialize("a", null)).isNull();
    }

    private static AvroKafkaSerializer<SpecificRecord> apicurio(OmegaSerdes serdes) {
        AvroKafkaSerializer<SpecificRecord> s = new AvroKafkaSerializer<>(new InMemoryRegistryClient());
        s.configure(serdes.serdeConfig(), false);
        return s;
    }
}
