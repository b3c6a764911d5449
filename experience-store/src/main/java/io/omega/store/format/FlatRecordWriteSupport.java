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

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the experience files' flat records exactly as parquet-avro's {@code AvroWriteSupport} does (the same
 * Parquet schema, the same Avro schema in the footer, the same calls on the record consumer, so the same bytes),
 * with less work per row: the column layout is resolved once instead of per value, map entries of a
 * {@link DoubleMap} are read without boxing, no logical-type conversion is looked up per value, and rows can be
 * written as they are (no Avro record built per row; timestamps as {@link Instant}).
 *
 * <p>Strings repeat from row to row (symbol, direction, model, and above all the feature names of every map):
 * each column remembers its last string, and each map column the keys at each position, with their encoded
 * {@link Binary}. An equal string (a length check and a vectorised compare) reuses the encoding instead of
 * allocating and encoding a new one; a Binary made from a string is never mutated, so Parquet may keep it.
 *
 * <p>Only what the row codecs use is supported: required strings, longs (timestamps), ints, doubles, booleans
 * and maps of doubles; anything else is refused when the writer is built.
 */
final class FlatRecordWriteSupport<T> extends WriteSupport<T> {

    /** The footer key under which parquet-avro keeps the Avro schema (AvroReadSupport reads it back). */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    /** Where a record keeps the value of a column, by the column's position in the schema. */
    @FunctionalInterface
    interface ColumnValues<T> {
        Object get(T record, int column);
    }

    private enum Kind { STRING, LONG, INT, DOUBLE, BOOLEAN, DOUBLE_MAP }

    private record Column(String name, Kind kind) {
    }

    private static final String[] NO_KEYS = new String[0];
    private static final Binary[] NO_BINARIES = new Binary[0];

    private final Schema avroSchema;
    private final ColumnValues<T> values;
    private final Column[] columns;
    private final String[] lastStrings;
    private final Binary[] lastBinaries;
    private final String[][] lastKeys;
    private final Binary[][] lastKeyBinaries;
    private RecordConsumer out;

    private FlatRecordWriteSupport(Schema avroSchema, ColumnValues<T> values) {
        this.avroSchema = avroSchema;
        this.values = values;
        List<Schema.Field> fields = avroSchema.getFields();
        this.columns = new Column[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            Schema.Field f = fields.get(i);
            columns[i] = new Column(f.name(), kind(f));
        }
        this.lastStrings = new String[columns.length];
        this.lastBinaries = new Binary[columns.length];
        this.lastKeys = new String[columns.length][];
        this.lastKeyBinaries = new Binary[columns.length][];
        java.util.Arrays.fill(lastKeys, NO_KEYS);
        java.util.Arrays.fill(lastKeyBinaries, NO_BINARIES);
    }

    /** For Avro records of the codec's schema (compaction and tests stream those). */
    static FlatRecordWriteSupport<GenericRecord> forRecords(Schema avroSchema) {
        return new FlatRecordWriteSupport<>(avroSchema, GenericRecord::get);
    }

    /** For rows, read through their codec's columns. */
    static <R> FlatRecordWriteSupport<R> forRows(Schema avroSchema, ColumnValues<R> values) {
        return new FlatRecordWriteSupport<>(avroSchema, values);
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
    public void write(T record) {
        out.startMessage();
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            Object value = values.get(record, i);
            if (value == null) {
                throw new IllegalArgumentException("null value for required column " + c.name());
            }
            out.startField(c.name(), i);
            switch (c.kind()) {
                case STRING -> out.addBinary(string(i, value.toString()));
                case LONG -> out.addLong(value instanceof Instant t ? t.toEpochMilli() : ((Number) value).longValue());
                case INT -> out.addInteger(((Number) value).intValue());
                case DOUBLE -> out.addDouble(((Number) value).doubleValue());
                case BOOLEAN -> out.addBoolean((Boolean) value);
                case DOUBLE_MAP -> writeMap(i, (Map<?, ?>) value);
                default -> throw new IllegalStateException("unhandled column kind " + c.kind());
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    private Binary string(int column, String value) {
        if (value.equals(lastStrings[column])) {
            return lastBinaries[column];
        }
        Binary binary = Binary.fromString(value);
        lastStrings[column] = value;
        lastBinaries[column] = binary;
        return binary;
    }

    /** The layout AvroSchemaConverter gives a map: group (MAP) { repeated group key_value { key; value } }. */
    private void writeMap(int column, Map<?, ?> map) {
        out.startGroup();
        if (!map.isEmpty()) {
            out.startField("key_value", 0);
            if (map instanceof DoubleMap doubles) {
                for (int e = 0; e < doubles.size(); e++) {
                    writeEntry(key(column, e, doubles.keyAt(e)), doubles.valueAt(e));
                }
            } else {
                int e = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getValue() == null) {
                        throw new IllegalArgumentException("null value in a map of doubles, key " + entry.getKey());
                    }
                    writeEntry(key(column, e++, entry.getKey().toString()), ((Number) entry.getValue()).doubleValue());
                }
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
    }

    /** The encoding of the map key at {@code position}, reused when the previous row had the same key there. */
    private Binary key(int column, int position, String key) {
        String[] keys = lastKeys[column];
        if (position < keys.length && key.equals(keys[position])) {
            return lastKeyBinaries[column][position];
        }
        if (position >= keys.length) {
            lastKeys[column] = keys = java.util.Arrays.copyOf(keys, position + 1);
            lastKeyBinaries[column] = java.util.Arrays.copyOf(lastKeyBinaries[column], position + 1);
        }
        Binary binary = Binary.fromString(key);
        keys[position] = key;
        lastKeyBinaries[column][position] = binary;
        return binary;
    }

    private void writeEntry(Binary key, double value) {
        out.startGroup();
        out.startField("key", 0);
        out.addBinary(key);
        out.endField("key", 0);
        out.startField("value", 1);
        out.addDouble(value);
        out.endField("value", 1);
        out.endGroup();
    }
}
