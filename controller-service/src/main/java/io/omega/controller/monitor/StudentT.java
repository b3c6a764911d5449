package io.omega.controller.monitor;

import org.apache.commons.math3.distribution.TDistribution;

/** Student's t quantiles (Apache Commons Math's exact distribution). */
final class StudentT {

    private StudentT() {
    }

    /** The t value with upper tail {@code tail} at {@code df} degrees of freedom. */
    static double upperQuantile(double tail, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        // No random generator: only the quantile is needed, and the default one would be built per call.
        return new TDistribution(null, df).inverseCumulativeProbability(1 - tail);
    }
}
