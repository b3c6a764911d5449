package io.omega.store.format;

import io.omega.store.ExperienceRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link RowCodec} defined by its columns, in order: each column's name, type and accessor give the Avro schema,
 * the Avro record and the CSV cells; {@code make} builds a row back from the values in column order. A column added
 * after files were written has a value for when it is absent, so that those files still read.
 */
final class ColumnCodec<R extends ExperienceRow> implements RowCodec<R> {

    /** One column: its name in files, its type, where a row keeps its value, and its value in older files (or null). */
    record Column<R>(String name, ColumnType type, Function<R, Object> value, Object whenAbsent) {

        boolean optional() {
            return whenAbsent != null;
        }

        Object read(Object avroValue) {
            return avroValue == null && optional() ? whenAbsent : type.fromAvro(avroValue);
        }
    }

    private final Schema schema;
    private final List<Column<R>> columns;
    private final Function<Object[], R> make;

    ColumnCodec(String recordName, String doc, List<Column<R>> columns, Function<Object[], R> make) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(recordName).namespace("io.omega.store")
                .doc(doc).fields();
        for (Column<R> c : columns) {
            fields = fields.name(c.name()).type(c.type().avro()).noDefault();
        }
        this.schema = fields.endRecord();
        this.columns = List.copyOf(columns);
        this.make = make;
    }

    static <R> Column<R> column(String name, ColumnType type, Function<R, Object> value) {
        return new Column<>(name, type, value, null);
    }

    /** A column files written before it existed lack: their rows read as {@code whenAbsent}. */
    static <R> Column<R> addedColumn(String name, ColumnType type, Function<R, Object> value, Object whenAbsent) {
        return new Column<>(name, type, value, Objects.requireNonNull(whenAbsent, "whenAbsent"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public GenericRecord toAvro(R row) {
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < columns.size(); i++) {
            Column<R> c = columns.get(i);
            record.put(i, c.type().toAvro(c.value().apply(row)));
        }
        return record;
    }

    @Override
    public Object value(R row, int column) {
        return columns.get(column).value().apply(row);
    }

    @Override
    public R fromAvro(GenericRecord record) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).read(record.get(i));
        }
        return make.apply(values);
    }

    @Override
    public List<String> toCsv(R row) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            cells.add(c.type().toCsv(c.value().apply(row)));
        }
        return cells;
    }

    @Override
    public boolean readsCsvHeader(List<String> header) {
        List<String> required = columns.stream().filter(c -> !c.optional()).map(Column::name).toList();
        return header.equals(csvHeader()) || header.equals(required);
    }

    @Override
    public R fromCsv(List<String> header, List<String> cells) {
        Object[] values = new Object[columns.size()];
        int cell = 0;
        boolean complete = header.size() == columns.size();
        for (int i = 0; i < values.length; i++) {
            Column<R> c = columns.get(i);
            values[i] = !complete && c.optional() ? c.whenAbsent() : c.type().fromCsv(cells.get(cell++));
        }
        return make.apply(values);
    }
}
