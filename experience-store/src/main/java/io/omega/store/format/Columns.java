package io.omega.store.format;

import io.omega.store.DoubleMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Shared pieces of the row codecs: column types and the text form of values in CSV. */
final class Columns {

    static final Schema STRING = SchemaBuilder.builder().stringBuilder().prop("avro.java.string", "String").endString();
    static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    static final Schema DOUBLE_MAP = Schema.createMap(Schema.create(Schema.Type.DOUBLE));

    static {
        DOUBLE_MAP.addProp("avro.java.string", "String");
    }

    private Columns() {
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    static Instant instant(Object millis) {
        return Instant.ofEpochMilli((Long) millis);
    }

    /** Avro hands map keys back as Utf8 unless told otherwise; rows always hold Strings. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> doubleMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof DoubleMap map) {
            return map;
        }
        Map<?, ?> raw = (Map<?, ?>) value;
        boolean plain = true;
        for (var e : raw.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Double)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return DoubleMap.copyOf((Map<String, Double>) raw); // no copy when it is one already
        }
        Map<String, Double> out = new HashMap<>(raw.size() * 2);
        raw.forEach((k, v) -> out.put(k.toString(), ((Number) v).doubleValue()));
        return out;
    }

    /** {@code name=value;name=value}, sorted by name: feature names are identifiers, without ';' or '='. */
    static String mapToText(Map<String, Double> map) {
        StringJoiner joined = new StringJoiner(";");
        new TreeMap<>(map).forEach((k, v) -> joined.add(k + "=" + v));
        return joined.toString();
    }

    static Map<String, Double> mapFromText(String text) {
        Map<String, Double> map = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value in a map column, got '" + pair + "'");
            }
            map.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
        }
        return map;
    }

    static String time(Instant t) {
        return t.toString();
    }

    static Instant time(String text) {
        return Instant.parse(text);
    }
}
