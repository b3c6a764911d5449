package io.omega.store.format;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import io.omega.store.DoubleMap;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads experience rows straight from Parquet's column converters, without parquet-avro's generic record
 * assembly. Strings of dictionary-encoded columns (symbol, direction, model type and version, feature names) are
 * decoded once per dictionary and shared by every row, so a million rows do not carry a million copies of
 * "BTC-USDT-SWAP": reading is dominated by garbage collection otherwise.
 */
final class RowReadSupport<R extends ExperienceRow> extends ReadSupport<R> {

    private final ExperienceKind<R> kind;

    RowReadSupport(ExperienceKind<R> kind) {
        this.kind = kind;
    }

    @Override
    public ReadContext init(InitContext context) {
        return new ReadContext(context.getFileSchema());
    }

    @Override
    public RecordMaterializer<R> prepareForRead(Configuration configuration, Map<String, String> keyValueMetaData,
                                                MessageType fileSchema, ReadContext readContext) {
        return new Materializer<>(kind, fileSchema);
    }

    @Override
    public RecordMaterializer<R> prepareForRead(ParquetConfiguration configuration, Map<String, String> keyValueMetaData,
                                                MessageType fileSchema, ReadContext readContext) {
        return new Materializer<>(kind, fileSchema);
    }

    /** Where a converter puts its value: a field of the row being assembled, or an entry of a map. */
    private interface Sink {
        void set(Object value);
    }

    private static final class Materializer<R extends ExperienceRow> extends RecordMaterializer<R> {
        private final ExperienceKind<R> kind;
        private final RowConverter root;

        Materializer(ExperienceKind<R> kind, MessageType fileSchema) {
            this.kind = kind;
            this.root = new RowConverter(kind.codec().schema(), fileSchema);
        }

        @Override
        public R getCurrentRecord() {
            return kind.codec().fromAvro(root.current);
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    private static final class RowConverter extends GroupConverter {
        private final Schema avro;
        private final Converter[] converters;
        GenericData.Record current;

        RowConverter(Schema avro, GroupType parquet) {
            this.avro = avro;
            this.converters = new Converter[parquet.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                Type field = parquet.getType(i);
                Schema.Field avroField = avro.getField(field.getName());
                if (avroField == null) {
                    converters[i] = new Ignore();
                    continue;
                }
                int pos = avroField.pos();
                Sink sink = value -> current.put(pos, value);
                converters[i] = field.isPrimitive() ? primitive(field.asPrimitiveType(), sink)
                        : new MapConverter(field.asGroupType(), sink);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            current = new GenericData.Record(avro);
        }

        @Override
        public void end() {
            // the row is built from `current` by getCurrentRecord()
        }
    }

    static PrimitiveConverter primitive(PrimitiveType type, Sink sink) {
        return switch (type.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> new StringConverter(sink);
            case INT64 -> new PrimitiveConverter() {
                @Override
                public void addLong(long value) {
                    sink.set(value);
                }
            };
            case INT32 -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    sink.set(value);
                }
            };
            case DOUBLE -> new PrimitiveConverter() {
                @Override
                public void addDouble(double value) {
                    sink.set(value);
                }
            };
            case FLOAT -> new PrimitiveConverter() {
                @Override
                public void addFloat(float value) {
                    sink.set((double) value);
                }
            };
            case BOOLEAN -> new PrimitiveConverter() {
                @Override
                public void addBoolean(boolean value) {
                    sink.set(value);
                }
            };
            default -> throw new IllegalArgumentException("unexpected column type " + type);
        };
    }

    private static final class StringConverter extends PrimitiveConverter {
        private final Sink sink;
        private String[] dictionary;

        StringConverter(Sink sink) {
            this.sink = sink;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = new String[dictionary.getMaxId() + 1];
            for (int i = 0; i <= dictionary.getMaxId(); i++) {
                this.dictionary[i] = dictionary.decodeToBinary(i).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            sink.set(dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            sink.set(value.toStringUsingUTF8());
        }
    }

    /**
     * {@code group (MAP) { repeated group key_value { key; value } }} into a {@link DoubleMap}. Consecutive rows
     * almost always have the same feature names: their key array is shared.
     */
    private static final class MapConverter extends GroupConverter {
        private final Sink sink;
        private final GroupConverter keyValue;
        private String[] keys = new String[8];
        private double[] values = new double[8];
        private int size;
        private String[] lastKeys = new String[0];
        private String key;
        private double value;

        MapConverter(GroupType type, Sink sink) {
            this.sink = sink;
            GroupType entry = type.getType(0).asGroupType();
            Converter keyConverter = primitive(entry.getType(0).asPrimitiveType(), k -> key = (String) k);
            Converter valueConverter = new PrimitiveConverter() {
                @Override
                public void addDouble(double v) {
                    value = v;
                }

                @Override
                public void addFloat(float v) {
                    value = v;
                }

                @Override
                public void addLong(long v) {
                    value = v;
                }

                @Override
                public void addInt(int v) {
                    value = v;
                }
            };
            this.keyValue = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keyConverter : valueConverter;
                }

                @Override
                public void start() {
                    key = null;
                }

                @Override
                public void end() {
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        values = Arrays.copyOf(values, size * 2);
                    }
                    keys[size] = key;
                    values[size] = value;
                    size++;
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return keyValue;
        }

        @Override
        public void start() {
            size = 0;
        }

        @Override
        public void end() {
            String[] shared = lastKeys;
            if (sameInstances(shared)) {
                // the usual case: the same dictionary strings, in the same (sorted) order as the previous row
                sink.set(DoubleMap.ofSorted(shared, Arrays.copyOf(values, size)));
                return;
            }
            sortByKey();
            // New dictionary strings (a new row group or file) or other names: one new shared key array.
            shared = Arrays.copyOf(keys, size);
            lastKeys = shared;
            sink.set(DoubleMap.ofSorted(shared, Arrays.copyOf(values, size)));
        }

        private boolean sameInstances(String[] candidate) {
            if (candidate.length != size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (candidate[i] != keys[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Insertion sort: a handful of entries, usually already in order (maps are written sorted). */
        private void sortByKey() {
            for (int i = 1; i < size; i++) {
                String k = keys[i];
                double v = values[i];
                int j = i - 1;
                while (j >= 0 && keys[j].compareTo(k) > 0) {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = k;
                values[j + 1] = v;
            }
        }
    }

    private static final class Ignore extends PrimitiveConverter {
        // columns this version does not know are skipped
    }
}
