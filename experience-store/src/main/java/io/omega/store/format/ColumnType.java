package io.omega.store.format;

import org.apache.avro.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * The kinds of column the experience files hold: each knows its Avro type and how a row's value goes to and
 * comes back from an Avro record and a CSV cell.
 */
enum ColumnType {

    STRING(Columns.STRING) {
        @Override
        Object fromAvro(Object value) {
            return Columns.str(value);
        }

        @Override
        Object fromCsv(String cell) {
            return cell;
        }
    },
    TIMESTAMP(Columns.TIMESTAMP) {
        @Override
        Object toAvro(Object value) {
            return ((Instant) value).toEpochMilli();
        }

        @Override
        Object fromAvro(Object value) {
            return Columns.instant(value);
        }

        @Override
        String toCsv(Object value) {
            return Columns.time((Instant) value);
        }

        @Override
        Object fromCsv(String cell) {
            return Columns.time(cell);
        }
    },
    DOUBLE(Schema.create(Schema.Type.DOUBLE)) {
        @Override
        Object fromCsv(String cell) {
            return Double.parseDouble(cell);
        }
    },
    LONG(Schema.create(Schema.Type.LONG)) {
        @Override
        Object fromCsv(String cell) {
            return Long.parseLong(cell);
        }
    },
    INT(Schema.create(Schema.Type.INT)) {
        @Override
        Object fromCsv(String cell) {
            return Integer.parseInt(cell);
        }
    },
    BOOLEAN(Schema.create(Schema.Type.BOOLEAN)) {
        @Override
        Object fromCsv(String cell) {
            return Boolean.parseBoolean(cell);
        }
    },
    DOUBLE_MAP(Columns.DOUBLE_MAP) {
        @Override
        Object fromAvro(Object value) {
            return Columns.doubleMap(value);
        }

        @SuppressWarnings("unchecked")
        @Override
        String toCsv(Object value) {
            return Columns.mapToText((Map<String, Double>) value);
        }

        @Override
        Object fromCsv(String cell) {
            return Columns.mapFromText(cell);
        }
    };

    private final Schema avro;

    ColumnType(Schema avro) {
        this.avro = avro;
    }

    Schema avro() {
        return avro;
    }

    /** A row's value as parquet-avro writes it. */
    Object toAvro(Object value) {
        return value;
    }

    /** A value read back from an Avro record, as the row holds it. */
    Object fromAvro(Object value) {
        return value;
    }

    /** A row's value as a CSV cell. */
    String toCsv(Object value) {
        return String.valueOf(value);
    }

    abstract Object fromCsv(String cell);
}
