package io.omega.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one mapping of the configuration tree, key by key, with a default for each absent key. Every problem
 * (wrong type, out of range, unknown key) is collected with its full key path instead of failing at the first,
 * so one run of {@code omega config check} shows everything to fix.
 */
final class Section {

    private final String path;
    private final JsonNode node;
    private final List<ConfigProblem> problems;
    private final Map<String, String> origins;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<Section> children = new ArrayList<>();

    Section(String path, JsonNode node, List<ConfigProblem> problems, Map<String, String> origins) {
        this.path = path;
        this.problems = problems;
        this.origins = origins;
        if (node == null || node.isMissingNode() || node.isNull()) {
            this.node = MissingNode.getInstance();
        } else if (!node.isObject()) {
            problems.add(new ConfigProblem(path, "expected a mapping of keys, got " + show(node) + origin(path)));
            this.node = MissingNode.getInstance();
        } else {
            this.node = node;
        }
    }

    Section section(String key) {
        known.add(key);
        Section child = new Section(path + "." + key, node.get(key), problems, origins);
        children.add(child);
        return child;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return wrongType(key, "true or false", v, fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isTextual() && v.textValue().trim().matches("[-+]?\\d{1,18}")) {
            n = Long.parseLong(v.textValue().trim()); // a quoted "100" is still an integer
        } else {
            return wrongType(key, "an integer", v, fallback);
        }
        if (n < min || n > max) {
            problem(key, rangeText(min, max, max == Integer.MAX_VALUE) + ", got " + n);
            return fallback;
        }
        return (int) n;
    }

    double decimal(String key, double fallback, double min, double max) {
        return number(key, fallback, min, max, false);
    }

    /** Like {@link #decimal} with the lower bound excluded: {@code (min, max]}. */
    double decimalAbove(String key, double fallback, double min, double max) {
        return number(key, fallback, min, max, true);
    }

    private double number(String key, double fallback, double min, double max, boolean exclusiveMin) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            return wrongType(key, "a number", v, fallback);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            problem(key, "must be a finite number, got " + d);
            return fallback;
        }
        boolean below = exclusiveMin ? d <= min : d < min;
        if (below || d > max) {
            String range = max == Double.MAX_VALUE ? (exclusiveMin ? "must be > " : "must be >= ") + plain(min)
                    : "must be " + (exclusiveMin ? "> " + plain(min) + " and <= " + plain(max)
                    : "between " + plain(min) + " and " + plain(max));
            problem(key, range + ", got " + d);
            return fallback;
        }
        return d;
    }

    String string(String key, String fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        return wrongType(key, "a string", v, fallback);
    }

    List<String> stringList(String key, List<String> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            return wrongType(key, "a list of strings", v, fallback);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                return wrongType(key, "a list of strings", v, fallback);
            }
            out.add(item.textValue());
        }
        return out;
    }

    <E extends Enum<E>> E choice(String key, E fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        E[] values = fallback.getDeclaringClass().getEnumConstants();
        String allowed = Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        if (v.isTextual()) {
            for (E e : values) {
                if (e.name().equalsIgnoreCase(v.textValue().trim())) {
                    return e;
                }
            }
        }
        return wrongType(key, "one of " + allowed, v, fallback);
    }

    void problem(String key, String message) {
        String keyPath = path + "." + key;
        problems.add(new ConfigProblem(keyPath, message + origin(keyPath)));
    }

    /** Reports the keys nobody asked for, here and in nested sections. Call after reading. */
    void rejectUnknownKeys() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown key" + suggestion(name, known));
            }
        }
        children.forEach(Section::rejectUnknownKeys);
    }

    static String suggestion(String name, Set<String> candidates) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : candidates) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private JsonNode value(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private <T> T wrongType(String key, String expected, JsonNode found, T fallback) {
        problem(key, "expected " + expected + ", got " + show(found));
        return fallback;
    }

    private String origin(String keyPath) {
        String variable = origins.get(keyPath);
        return variable == null ? "" : " (from " + variable + ")";
    }

    private static String show(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.textValue() + "'";
        }
        if (v.isArray()) {
            return "a list " + v;
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.toString();
    }

    private static String rangeText(long min, long max, boolean unbounded) {
        return unbounded ? "must be >= " + min : "must be between " + min + " and " + max;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
