package io.omega.store.format;

import io.omega.store.DoubleMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.List;
import java.util.Map;

/**
 * Writes the experience files' flat records exactly as parquet-avro's {@code AvroWriteSupport} does (the same
 * Parquet schema, the same Avro schema in the footer, the same calls on the record consumer, so the same bytes),
 * with less work per row: the column layout is resolved once instead of per value, map entries of a
 * {@link DoubleMap} are read without boxing, and no logical-type conversion is looked up per value.
 *
 * <p>Only what the row codecs use is supported: required strings, longs (timestamps), ints, doubles, booleans
 * and maps of doubles; anything else is refused when the writer is built.
 */
final class FlatRecordWriteSupport extends WriteSupport<GenericRecord> {

    /** The footer key under which parquet-avro keeps the Avro schema (AvroReadSupport reads it back). */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    private enum Kind { STRING, LONG, INT, DOUBLE, BOOLEAN, DOUBLE_MAP }

    private record Column(String name, Kind kind) {
    }

    private final Schema avroSchema;
    private final Column[] columns;
    private RecordConsumer out;

    FlatRecordWriteSupport(Schema avroSchema) {
        this.avroSchema = avroSchema;
        List<Schema.Field> fields = avroSchema.getFields();
        this.columns = new Column[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            Schema.Field f = fields.get(i);
            columns[i] = new Column(f.name(), kind(f));
        }
    }

    private static Kind kind(Schema.Field field) {
        Schema s = field.schema();
        return switch (s.getType()) {
            case STRING -> Kind.STRING;
            case LONG -> Kind.LONG;
            case INT -> Kind.INT;
            case DOUBLE -> Kind.DOUBLE;
            case BOOLEAN -> Kind.BOOLEAN;
            case MAP -> {
                if (s.getValueType().getType() != Schema.Type.DOUBLE) {
                    throw new IllegalArgumentException("column " + field.name() + ": only maps of doubles are supported, got " + s);
                }
                yield Kind.DOUBLE_MAP;
            }
            default -> throw new IllegalArgumentException("column " + field.name() + ": type " + s.getType()
                    + " is not one the experience files use");
        };
    }

    @Override
    public String getName() {
        return "avro"; // what parquet-avro records as writer.model.name: readers treat both files alike
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return init(new HadoopParquetConfiguration(configuration));
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        MessageType schema = new AvroSchemaConverter(configuration).convert(avroSchema);
        return new WriteContext(schema, Map.of(AVRO_SCHEMA_KEY, avroSchema.toString()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(GenericRecord record) {
        out.startMessage();
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            Object value = record.get(i);
            if (value == null) {
                throw new IllegalArgumentException("null value for required column " + c.name());
            }
            out.startField(c.name(), i);
            switch (c.kind()) {
                case STRING -> out.addBinary(Binary.fromString(value.toString()));
                case LONG -> out.addLong(((Number) value).longValue());
                case INT -> out.addInteger(((Number) value).intValue());
                case DOUBLE -> out.addDouble(((Number) value).doubleValue());
                case BOOLEAN -> out.addBoolean((Boolean) value);
                case DOUBLE_MAP -> writeMap((Map<?, ?>) value);
                default -> throw new IllegalStateException("unhandled column kind " + c.kind());
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    /** The layout AvroSchemaConverter gives a map: group (MAP) { repeated group key_value { key; value } }. */
    private void writeMap(Map<?, ?> map) {
        out.startGroup();
        if (!map.isEmpty()) {
            out.startField("key_value", 0);
            if (map instanceof DoubleMap doubles) {
                doubles.forEachEntry(this::writeEntry);
            } else {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() == null) {
                        throw new IllegalArgumentException("null value in a map of doubles, key " + e.getKey());
                    }
                    writeEntry(e.getKey().toString(), ((Number) e.getValue()).doubleValue());
                }
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
    }

    private void writeEntry(String key, double value) {
        out.startGroup();
        out.startField("key", 0);
        out.addBinary(Binary.fromString(key));
        out.endField("key", 0);
        out.startField("value", 1);
        out.addDouble(value);
        out.endField("value", 1);
        out.endGroup();
    }
}
