package io.omega.store.format;

import io.omega.store.ExperienceRow;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.util.List;

/**
 * How rows of one kind become columns: the Avro schema parquet-avro writes (flat, snake_case columns that SQL
 * tools query directly) and the CSV columns, which are the same names in the same order.
 */
public interface RowCodec<R extends ExperienceRow> {

    Schema schema();

    GenericRecord toAvro(R row);

    /**
     * The value of the {@code column}-th field (schema order) as the row holds it: what {@link #toAvro} would put
     * there, except that timestamps stay {@link java.time.Instant}s. Lets writers read a row without an Avro record.
     */
    Object value(R row, int column);

    R fromAvro(GenericRecord record);

    /** CSV header: the Avro field names, in order. */
    default List<String> csvHeader() {
        return schema().getFields().stream().map(Schema.Field::name).toList();
    }

    /** One CSV line's values, in {@link #csvHeader()} order. */
    List<String> toCsv(R row);

    /**
     * Whether a CSV file with this header can be read: {@link #csvHeader()}, or the header of a file written before
     * columns were added (which then take their values for absent columns).
     */
    boolean readsCsvHeader(List<String> header);

    /** A row back from the CSV values of a line under {@code header}, one {@link #readsCsvHeader} accepts. */
    R fromCsv(List<String> header, List<String> values);
}
