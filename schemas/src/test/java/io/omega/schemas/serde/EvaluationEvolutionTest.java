package io.omega.schemas.serde;

import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The champion and comparison fields were added to {@code Evaluation} after records without them were published:
 * evaluations from an older evaluator must stay readable, and an older controller must read the new ones.
 */
class EvaluationEvolutionTest {

    private static final List<String> ADDED = List.of("champion_version", "champion_metrics", "comparison");
    private static final Instant T = Instant.parse("2025-01-24T13:00:00Z");

    @Test
    void theAddedFieldsAreCompatibleBothWays() {
        Schema before = withoutAddedFields();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(Evaluation.getClassSchema(), before).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, Evaluation.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void anOlderEvaluationReadsWithNoChampion() throws IOException {
        Schema before = withoutAddedFields();
        GenericRecord old = olderEvaluation(before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(before).write(old, encoder);
        encoder.flush();

        Evaluation read = new SpecificDatumReader<Evaluation>(before, Evaluation.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.getChampionVersion()).isNull();
        assertThat(read.getChampionMetrics()).isEmpty();
        assertThat(read.getComparison()).isEmpty();
        assertThat(read.getMetrics()).containsEntry("win_rate", 58.5);
    }

    @Test
    void aNewEvaluationReadsInTheOlderSchema() throws IOException {
        Evaluation now = new Evaluation("ev-2", T, "cnn", "20250124_130000", null, EvaluationStatus.COMPLETED, T, T,
                Map.of("win_rate", 58.5), Map.of(), Recommendation.MONITOR, null, null, "rules",
                Map.of("sharpe_ratio", 0.4), Map.of("p_value", 0.01));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<Evaluation>(Evaluation.getClassSchema()).write(now, encoder);
        encoder.flush();

        Schema before = withoutAddedFields();
        GenericRecord read = new GenericDatumReader<GenericRecord>(Evaluation.getClassSchema(), before)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.getSchema().getField("champion_version")).isNull();
        assertThat(read.get("version").toString()).isEqualTo("20250124_130000");
    }

    /** A completed evaluation in the older schema. */
    static GenericRecord olderEvaluation(Schema before) {
        GenericRecord old = new GenericData.Record(before);
        old.put("id", "ev-1");
        old.put("event_time", T.toEpochMilli());
        old.put("model_type", "cnn");
        old.put("version", "20250124_130000");
        old.put("status", new GenericData.EnumSymbol(before.getField("status").schema(), "COMPLETED"));
        old.put("metrics", Map.of("win_rate", 58.5));
        old.put("baseline_metrics", Map.of());
        return old;
    }

    /** Evaluation as it was before the fields were added. */
    static Schema withoutAddedFields() {
        Schema now = Evaluation.getClassSchema();
        List<Schema.Field> kept = now.getFields().stream().filter(f -> !ADDED.contains(f.name()))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        assertThat(kept).hasSize(now.getFields().size() - ADDED.size());
        return Schema.createRecord(now.getName(), now.getDoc(), now.getNamespace(), false, kept);
    }
}
