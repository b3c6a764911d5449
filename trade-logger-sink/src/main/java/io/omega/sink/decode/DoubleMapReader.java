package io.omega.sink.decode;

import io.omega.store.DoubleMap;
import org.apache.avro.io.Decoder;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads an Avro {@code map<double>} (a decision's features or class probabilities) straight into a
 * {@link DoubleMap}. Producers send the same keys in the same order record after record, so when a record's keys
 * are byte for byte the previous record's, the previous sorted key array is shared and only the values are new: no
 * key strings, no boxed doubles, no hash map, no sort per record. Otherwise the keys are sorted once and remembered.
 * Not thread-safe: one per map field of a reader.
 */
final class DoubleMapReader {

    /** Per position on the wire, the key read there last (returned again, same instance, while the bytes repeat). */
    private InterningStrings[] keyReaders = new InterningStrings[0];
    /** The previous record's keys in the order they came, and where each lands once sorted. */
    private String[] wireKeys = new String[0];
    private String[] sortedKeys = new String[0];
    private int[] sortedPosition = new int[0];
    private boolean sameAsLast;
    private String[] keys = new String[8];
    private double[] values = new double[8];

    Map<String, Double> read(Decoder in) throws IOException {
        int n = 0;
        sameAsLast = true;
        for (long block = in.readMapStart(); block != 0; block = in.mapNext()) {
            for (long i = 0; i < block; i++) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * n);
                    values = Arrays.copyOf(values, 2 * n);
                }
                keys[n] = key(in, n);
                values[n] = in.readDouble();
                n++;
            }
        }
        if (sameAsLast && n == wireKeys.length) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[sortedPosition[i]] = values[i];
            }
            return DoubleMap.ofSorted(sortedKeys, sorted);
        }
        return remember(n);
    }

    /** The key at {@code position}: the previous record's String there when the bytes are the same. */
    private String key(Decoder in, int position) throws IOException {
        if (position == keyReaders.length) {
            keyReaders = Arrays.copyOf(keyReaders, position + 1);
            keyReaders[position] = new InterningStrings();
        }
        String key = keyReaders[position].read(in);
        if (position >= wireKeys.length || key != wireKeys[position]) {
            sameAsLast = false;
        }
        return key;
    }

    /** A new key set: sorts it, remembers it for the next record and returns this record's map. */
    private Map<String, Double> remember(int n) {
        String[] received = Arrays.copyOf(keys, n);
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparing(i -> received[i])).toArray(Integer[]::new);
        for (int i = 1; i < n; i++) {
            if (received[order[i]].equals(received[order[i - 1]])) {
                // A repeated key (Avro allows it on the wire): the last one wins, as in Avro's own readers.
                Map<String, Double> map = new HashMap<>();
                for (int k = 0; k < n; k++) {
                    map.put(received[k], values[k]);
                }
                wireKeys = new String[0];
                return DoubleMap.copyOf(map);
            }
        }
        String[] sorted = new String[n];
        int[] position = new int[n];
        double[] sortedValues = new double[n];
        for (int s = 0; s < n; s++) {
            sorted[s] = received[order[s]];
            position[order[s]] = s;
            sortedValues[s] = values[order[s]];
        }
        wireKeys = received;
        sortedKeys = sorted;
        sortedPosition = position;
        return DoubleMap.ofSorted(sorted, sortedValues);
    }
}
