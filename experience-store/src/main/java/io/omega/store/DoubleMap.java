package io.omega.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable {@code Map<String, Double>} kept as a sorted key array and a {@code double[]}: the market features
 * and class probabilities of a decision. Rows read from one file share their key arrays, so a million decisions
 * hold a million small {@code double[]}s rather than a million hash maps of boxed doubles; {@link #getDouble}
 * reads a value without boxing.
 */
public final class DoubleMap extends AbstractMap<String, Double> {

    private static final DoubleMap EMPTY = new DoubleMap(new String[0], new double[0]);

    private final String[] keys;
    private final double[] values;

    private DoubleMap(String[] keys, double[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The same map, immutable and compact; {@code map} itself when it already is a DoubleMap. */
    public static DoubleMap copyOf(Map<String, Double> map) {
        if (map instanceof DoubleMap d) {
            return d;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        double[] values = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = Objects.requireNonNull(map.get(keys[i]), () -> "null value in a feature map");
        }
        return new DoubleMap(keys, values);
    }

    /**
     * From parallel arrays, for readers: {@code sortedKeys} must be sorted and distinct; it is kept, not copied, so
     * that many maps can share one key array.
     */
    public static DoubleMap ofSorted(String[] sortedKeys, double[] values) {
        if (sortedKeys.length != values.length) {
            throw new IllegalArgumentException(sortedKeys.length + " keys but " + values.length + " values");
        }
        return sortedKeys.length == 0 ? EMPTY : new DoubleMap(sortedKeys, values);
    }

    /** The value of {@code key}, or {@code defaultValue} when absent. */
    public double getDouble(String key, double defaultValue) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : defaultValue;
    }

    /** A key and its value, unboxed. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(String key, double value);
    }

    /** The {@code i}-th key in key order. */
    public String keyAt(int i) {
        return keys[i];
    }

    /** The value of the {@code i}-th key in key order, unboxed. */
    public double valueAt(int i) {
        return values[i];
    }

    /** Every entry in key order (the order of {@link #entrySet()}), without boxing. */
    public void forEachEntry(EntryConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            consumer.accept(keys[i], values[i]);
        }
    }

    @Override
    public Double get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int i = Arrays.binarySearch(keys, s);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && Arrays.binarySearch(keys, s) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
