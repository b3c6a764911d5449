package io.omega.controller.monitor;

import io.omega.learning.metrics.StandardNormal;

/** Student's t quantiles, JDK only. */
final class StudentT {

    private StudentT() {
    }

    /**
     * The t value with upper tail {@code tail} at {@code df} degrees of freedom: the Cornish-Fisher expansion
     * around the normal quantile (Abramowitz and Stegun 26.7.5). It falls short of the exact value by at most 0.3 % from
     * 9 degrees of freedom on, for tails down to 1e-5; with fewer it falls short by more (over 1 % below 5), which is
     * why the configuration asks for 10 trades before the first look.
     */
    static double upperQuantile(double tail, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        double z = StandardNormal.inverseCdf(1 - tail);
        double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
        double v = df;
        return z + (z3 + z) / (4 * v)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
