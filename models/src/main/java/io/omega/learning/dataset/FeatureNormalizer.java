package io.omega.learning.dataset;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Feature normalisation: fits z-score statistics on the distinct rows covered by the given
 * (training) windows, each row counted once however many windows overlap it. Rows that only validation or test
 * windows cover are never read.
 */
public final class FeatureNormalizer {

    public static final double MIN_STD = 1e-12;

    public NormalizationStats fit(WindowedDataset dataset, Collection<Sample> trainingSamples) {
        if (trainingSamples.isEmpty()) {
            throw new IllegalArgumentException("cannot fit normalisation statistics on zero training windows");
        }
        List<Segment> segments = dataset.segments();
        BitSet[] used = new BitSet[segments.size()];
        int window = dataset.spec().windowSize();
        for (Sample s : trainingSamples) {
            BitSet rows = used[s.segment()] == null ? (used[s.segment()] = new BitSet()) : used[s.segment()];
            rows.set(s.end() - window + 1, s.end() + 1);
        }
        int features = dataset.spec().features().size();
        double[] mean = new double[features];
        double[] m2 = new double[features];
        int count = 0;
        for (int seg = 0; seg < used.length; seg++) {
            if (used[seg] == null) {
                continue;
            }
            double[][] values = segments.get(seg).values();
            for (int row = used[seg].nextSetBit(0); row >= 0; row = used[seg].nextSetBit(row + 1)) {
                count++;
                for (int f = 0; f < features; f++) {
                    // Welford: stable for large offsets such as prices.
                    double delta = values[row][f] - mean[f];
                    mean[f] += delta / count;
                    m2[f] += delta * (values[row][f] - mean[f]);
                }
            }
        }
        double[] std = new double[features];
        for (int f = 0; f < features; f++) {
            double s = Math.sqrt(m2[f] / count);
            std[f] = s < MIN_STD ? 1.0 : s;
        }
        return new NormalizationStats(dataset.spec().features(), mean, std, count);
    }
}
