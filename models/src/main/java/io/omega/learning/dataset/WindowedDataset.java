package io.omega.learning.dataset;

import java.time.Instant;
import java.util.List;

/**
 * Windows over contiguous segments, in time order (by window end time, then symbol). Values are kept once per row
 * in the segments and cut into windows on demand, so overlapping windows cost no memory and normalisation can be
 * fitted on distinct rows.
 *
 * @param classes class names for the classification targets ({@code DOWN, UP} or {@code LOSS, WIN}); empty for
 *                {@code return}
 */
public record WindowedDataset(DatasetSpec spec, List<Segment> segments, List<Sample> samples, List<String> classes,
                              BuildReport report) {

    public WindowedDataset {
        segments = List.copyOf(segments);
        samples = List.copyOf(samples);
        classes = List.copyOf(classes);
    }

    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** Raw window of one sample as {@code [window][feature]}. */
    public double[][] window(Sample sample) {
        Segment segment = segments.get(sample.segment());
        int window = spec.windowSize();
        double[][] out = new double[window][];
        for (int i = 0; i < window; i++) {
            out[i] = segment.values()[sample.end() - window + 1 + i].clone();
        }
        return out;
    }

    public Instant firstTime() {
        return segments.stream().map(s -> s.times()[0]).min(Instant::compareTo).orElse(null);
    }

    public Instant lastTime() {
        return segments.stream().map(s -> s.times()[s.length() - 1]).max(Instant::compareTo).orElse(null);
    }
}
