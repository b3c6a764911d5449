package io.omega.schemas.serde;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Evaluation;
import io.omega.testing.registry.ApicurioRegistryExtension;
import io.omega.testing.registry.ApicurioRegistryProcess;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a Confluent-compatible consumer sees in the real registry, and how schemas may evolve there.
 */
@ExtendWith(ApicurioRegistryExtension.class)
class RegistryCompatibilityIT {

    private final ApicurioRegistryProcess registry;
    private final OmegaSerdes serdes;
    private final HttpClient http = HttpClient.newHttpClient();

    RegistryCompatibilityIT(ApicurioRegistryProcess registry) {
        this.registry = registry;
        this.serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.URL, registry.registryApiUrl(), true));
    }

    @Test
    void theIdOnTheWireResolvesThroughTheConfluentCompatibleApiToTheSameSchema() throws Exception {
        String topic = "wire-" + UUID.randomUUID();
        Decision decision = (Decision) SampleRecords.all().get(0).record();
        byte[] bytes = serdes.valueSerializer(Decision.class).serialize(topic, decision);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema registered = new Schema.Parser().parse(schemaById(id));

        // Self-contained (enums inlined), exactly the schema the record was written with.
        assertThat(registered).isEqualTo(Decision.getClassSchema());
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(registered)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(decoded.get("symbol").toString()).isEqualTo("BTC-USDT-SWAP");
        assertThat(get(registry.ccompatUrl() + "/subjects")).contains(topic + "-value");
    }

    @Test
    void anAddedOptionalFieldStaysReadableBothWaysAndAnIncompatibleChangeIsRefused() throws Exception {
        String topic = "evolve-" + UUID.randomUUID();
        String subject = topic + "-value";
        Serializer<SpecificRecord> specific = serdes.valueSerializer(SpecificRecord.class);
        Decision old = (Decision) SampleRecords.all().get(0).record();
        byte[] oldBytes = specific.serialize(topic, old);
        put(registry.ccompatUrl() + "/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");

        Schema evolved = withField(Decision.getClassSchema(),
                "{\"name\":\"venue\",\"type\":[\"null\",\"string\"],\"default\":null}");
        GenericRecord newRecord = copyInto(old, evolved);
        newRecord.put("venue", "OKX");
        Serializer<GenericRecord> generic = genericSerializer();
        byte[] newBytes = generic.serialize(topic, newRecord);
        assertThat(ByteBuffer.wrap(newBytes, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(oldBytes, 1, 4).getInt());

        // New data, old reader: the generated Decision class ignores the field it does not know.
        assertThat(serdes.valueDeserializer(Decision.class).deserialize(topic, newBytes)).isEqualTo(old);
        // Old data, new reader: the new field takes its default.
        Schema writer = new Schema.Parser().parse(schemaById(ByteBuffer.wrap(oldBytes, 1, 4).getInt()));
        GenericRecord oldReadAsNew = new GenericDatumReader<GenericRecord>(writer, evolved)
                .read(null, DecoderFactory.get().binaryDecoder(oldBytes, 5, oldBytes.length - 5, null));
        assertThat(oldReadAsNew.get("venue")).isNull();
        assertThat(oldReadAsNew.get("id").toString()).isEqualTo(old.getId());

        // A new required field without a default would leave old data unreadable: the registry refuses it.
        Schema incompatible = withField(Decision.getClassSchema(), "{\"name\":\"venue\",\"type\":\"string\"}");
        GenericRecord bad = copyInto(old, incompatible);
        bad.put("venue", "OKX");
        assertThatThrownBy(() -> generic.serialize(topic, bad))
                .hasStackTraceContaining("ncompatib");
    }

    @Test
    void theEvaluationsChampionFieldsPassTheRegistrysBackwardCheck() throws Exception {
        String topic = "evaluation-" + UUID.randomUUID();
        String subject = topic + "-value";
        byte[] oldBytes = genericSerializer().serialize(topic,
                EvaluationEvolutionTest.olderEvaluation(EvaluationEvolutionTest.withoutAddedFields()));
        put(registry.ccompatUrl() + "/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");

        // The registry accepts the current schema as a new version of the older one.
        Evaluation current = (Evaluation) SampleRecords.all().stream().map(SampleRecords.Sample::record)
                .filter(r -> r instanceof Evaluation).findFirst().orElseThrow();
        byte[] newBytes = serdes.valueSerializer(Evaluation.class).serialize(topic, current);
        assertThat(ByteBuffer.wrap(newBytes, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(oldBytes, 1, 4).getInt());

        // An evaluation from an older evaluator reads with no champion and no comparison.
        Evaluation old = serdes.valueDeserializer(Evaluation.class).deserialize(topic, oldBytes);
        assertThat(old.getChampionVersion()).isNull();
        assertThat(old.getComparison()).isEmpty();
        assertThat(serdes.valueDeserializer(Evaluation.class).deserialize(topic, newBytes)).isEqualTo(current);
    }

    @Test
    void theBackfilledFieldPassesTheRegistrysFullCheckOnEveryExperienceTopic() throws Exception {
        for (SpecificRecord current : BackfilledFieldEvolutionTest.experiences()) {
            String topic = "backfilled-" + current.getSchema().getName() + "-" + UUID.randomUUID();
            Schema before = BackfilledFieldEvolutionTest.withoutBackfilled(current.getSchema());
            byte[] oldBytes = genericSerializer().serialize(topic, BackfilledFieldEvolutionTest.older(current, before));
            // FULL: old readers read the new events and new readers the old ones.
            put(registry.ccompatUrl() + "/config/" + topic + "-value", "{\"compatibility\":\"FULL\"}");

            current.put(current.getSchema().getField("backfilled").pos(), true);
            @SuppressWarnings("unchecked")
            Class<SpecificRecord> type = (Class<SpecificRecord>) current.getClass();
            byte[] newBytes = serdes.valueSerializer(type).serialize(topic, current);
            assertThat(ByteBuffer.wrap(newBytes, 1, 4).getInt()).as(topic)
                    .isNotEqualTo(ByteBuffer.wrap(oldBytes, 1, 4).getInt());

            // An event from an older engine reads as not backfilled; a backfilled one reads in the older schema.
            SpecificRecord old = serdes.valueDeserializer(type).deserialize(topic, oldBytes);
            assertThat(old.get(current.getSchema().getField("backfilled").pos())).isEqualTo(false);
            Schema writer = new Schema.Parser().parse(schemaById(ByteBuffer.wrap(newBytes, 1, 4).getInt()));
            GenericRecord newReadAsOld = new GenericDatumReader<GenericRecord>(writer, before)
                    .read(null, DecoderFactory.get().binaryDecoder(newBytes, 5, newBytes.length - 5, null));
            assertThat(newReadAsOld.get("id").toString()).isEqualTo(current.get(0));
            assertThat(serdes.valueDeserializer(type).deserialize(topic, newBytes)).isEqualTo(current);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializer<GenericRecord> genericSerializer() {
        var serializer = new io.apicurio.registry.serde.avro.AvroKafkaSerializer<GenericRecord>();
        serializer.configure(serdes.serdeConfig(), false);
        return (Serializer) serializer;
    }

    private static Schema withField(Schema base, String fieldJson) {
        String json = base.toString();
        String withField = json.substring(0, json.lastIndexOf(']')) + "," + fieldJson + json.substring(json.lastIndexOf(']'));
        return new Schema.Parser().parse(withField);
    }

    private static GenericRecord copyInto(Decision decision, Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : Decision.getClassSchema().getFields()) {
            Object value = decision.get(field.pos());
            if (value instanceof Enum<?> e) {
                value = new GenericData.EnumSymbol(schema.getField(field.name()).schema(), e.name());
            } else if (value instanceof java.time.Instant instant) {
                value = instant.toEpochMilli();
            }
            record.put(field.name(), value);
        }
        return record;
    }

    private String schemaById(int id) throws IOException, InterruptedException {
        String body = get(registry.ccompatUrl() + "/schemas/ids/" + id);
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("schema");
        assertThat(schema).as("schema in %s", body).isNotNull();
        return schema.asText();
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }

    private void put(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s: %s", url, response.body()).isEqualTo(200);
    }

}
