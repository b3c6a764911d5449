package io.omega.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.serde.SampleRecords.Sample;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

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
