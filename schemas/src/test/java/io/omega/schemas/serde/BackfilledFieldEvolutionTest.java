package io.omega.schemas.serde;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backfilled} was added to Decision, Execution and Outcome after events without it were published: those
 * must read as not backfilled, and engines and consumers built before it must read the new events.
 */
class BackfilledFieldEvolutionTest {

    static List<SpecificRecord> experiences() {
        return SampleRecords.all().stream().map(SampleRecords.Sample::record)
                .filter(r -> r instanceof Decision || r instanceof Execution || r instanceof Outcome).toList();
    }

    @ParameterizedTest
    @MethodSource("experiences")
    void theFieldIsCompatibleBothWays(SpecificRecord sample) {
        Schema now = sample.getSchema();
        Schema before = withoutBackfilled(now);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, before).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, now).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(now.getField("backfilled").defaultVal()).isEqualTo(false);
    }

    @ParameterizedTest
    @MethodSource("experiences")
    void anOlderEventReadsAsNotBackfilled(SpecificRecord sample) throws IOException {
        Schema before = withoutBackfilled(sample.getSchema());
        GenericRecord old = older(sample, before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(before).write(old, encoder);
        encoder.flush();

        SpecificRecord read = new SpecificDatumReader<SpecificRecord>(before, sample.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.get(sample.getSchema().getField("backfilled").pos())).isEqualTo(false);
        assertThat(read.get(0)).isEqualTo(sample.get(0));
    }

    @ParameterizedTest
    @MethodSource("experiences")
    void aBackfilledEventReadsInTheOlderSchema(SpecificRecord sample) throws IOException {
        Schema before = withoutBackfilled(sample.getSchema());
        sample.put(sample.getSchema().getField("backfilled").pos(), true);
        try {
            GenericRecord read = older(sample, before);
            assertThat(read.getSchema().getField("backfilled")).isNull();
            assertThat(read.get("id").toString()).isEqualTo(sample.get(0));
            assertThat(read.get("symbol").toString()).isEqualTo(sample.get(sample.getSchema().getField("symbol").pos()));
        } finally {
            sample.put(sample.getSchema().getField("backfilled").pos(), false);
        }
    }

    /** {@code record} as a consumer built before the field reads it. */
    static GenericRecord older(SpecificRecord record, Schema before) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(record.getSchema(), before)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /** The schema as it was before the field was added. */
    static Schema withoutBackfilled(Schema now) {
        List<Schema.Field> kept = now.getFields().stream().filter(f -> !f.name().equals("backfilled"))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        assertThat(kept).hasSize(now.getFields().size() - 1);
        return Schema.createRecord(now.getName(), now.getDoc(), now.getNamespace(), false, kept);
    }
}
