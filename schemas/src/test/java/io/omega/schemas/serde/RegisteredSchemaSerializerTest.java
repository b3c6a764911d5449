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

import java.util.Map;
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
