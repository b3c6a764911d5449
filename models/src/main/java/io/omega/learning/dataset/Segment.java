package io.omega.learning.dataset;

import java.time.Instant;

/**
 * A run of rows of one symbol with no gap and no unfillable feature: windows are cut only inside one segment.
 * {@code values[row][feature]} are raw (not normalised) feature values after forward filling.
 */
public record Segment(String symbol, Instant[] times, double[] prices, double[][] values, Double[] outcomes) {

    public int length() {
        return times.length;
    }
}
