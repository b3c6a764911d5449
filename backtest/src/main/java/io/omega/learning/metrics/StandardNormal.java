package io.omega.learning.metrics;

/** Standard normal distribution functions, JDK only. */
public final class StandardNormal {

    private static final double LOG_SQRT_2PI = 0.91893853320467274178;
    private static final double SQRT_2PI = 2.50662827463100050242;

    private StandardNormal() {
    }

    /**
     * Φ(x). Marsaglia's Taylor series ("Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004) for
     * |x| < 8, absolute error about 1e-15; beyond, the asymptotic tail series.
     */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -8 || x > 8) {
            double ax = Math.abs(x), q = 1 / (ax * ax);
            double tail = Math.exp(-0.5 * ax * ax - LOG_SQRT_2PI) / ax
                    * (1 - q * (1 - 3 * q * (1 - 5 * q * (1 - 7 * q))));
            return x < 0 ? tail : 1 - tail;
        }
        double s = x, t = 0, b = x, q = x * x, i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
    }

    /**
     * Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step
     * on {@link #cdf(double)} inside [1e-6, 1 - 1e-6]
     * (further out the cdf's absolute accuracy is no longer a small relative one, so Acklam's value is kept).
     */
    public static double inverseCdf(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("inverse normal needs p in (0, 1), got " + p);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        final double low = 0.02425, high = 1 - low;
        double x;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= high) {
            double q = p - 0.5, r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p >= 1e-6 && p <= 1 - 1e-6) {
            double e = cdf(x) - p;
            double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
            x = x - u / (1 + 0.5 * x * u);
        }
        return x;
    }
}
