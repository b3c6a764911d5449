package io.omega.store.format;

import io.omega.store.ExperienceRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link RowCodec} defined by its columns, in order: each column's name, type and accessor give the Avro schema,
 * the Avro record and the CSV cells; {@code make} builds a row back from the values in column order.
 */
final class ColumnCodec<R extends ExperienceRow> implements RowCodec<R> {

    /** One column: its name in files, its type, and where a row keeps its value. */
    record Column<R>(String name, ColumnType type, Function<R, Object> value) {
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
        return new Column<>(name, type, value);
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
            values[i] = columns.get(i).type().fromAvro(record.get(i));
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
    public R fromCsv(List<String> cells) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).type().fromCsv(cells.get(i));
        }
        return make.apply(values);
    }
}
