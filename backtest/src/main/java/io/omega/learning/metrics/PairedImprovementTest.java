package io.omega.learning.metrics;

/**
 * Does the candidate beat the champion on the same bars by more than noise? A one-sided test of "mean per-bar return
 * difference ≤ 0" on {@code d_i = candidate_i − champion_i}, pairing the two equity curves bar by bar so that the
 * market's own moves, common to both, cancel out.
 *
 * <p>Positions last several bars and volatility clusters, so consecutive differences are not independent; the
 * standard error is the Newey–West estimate (Bartlett weights) with {@code L = ⌊4 (n/100)^(2/9)⌋} lags, the usual
 * automatic choice, and the p-value is {@code 1 − Φ(mean / SE)}. An evaluation window has hundreds of bars or more,
 * where the normal approximation holds; the gate's simulation test measures the false-promotion rate it gives.
 *
 * @param meanDifference mean per-bar return difference, candidate minus champion (a fraction: 0.0001 = 0.01 %)
 * @param standardError  Newey–West standard error of that mean
 * @param lags           autocovariance lags used
 * @param bars           paired returns compared
 * @param pValue         one-sided; 1 when the curves do not differ at all
 */
public record PairedImprovementTest(double meanDifference, double standardError, int lags, int bars, double pValue) {

    /** Both arrays are per-bar returns over the same bars ({@link PerformanceCalculator#perBarReturns}). */
    public static PairedImprovementTest run(double[] candidate, double[] champion) {
        if (candidate.length != champion.length) {
            throw new IllegalArgumentException("paired test: the candidate has " + candidate.length
                    + " returns and the champion " + champion.length + "; they must cover the same bars");
        }
        int n = candidate.length;
        if (n < 2) {
            return new PairedImprovementTest(0, 0, 0, n, 1.0);
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = candidate[i] - champion[i];
            mean += d[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            d[i] -= mean;
        }
        int lags = Math.min(n - 1, (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0)));
        double variance = autocovariance(d, 0);
        for (int l = 1; l <= lags; l++) {
            variance += 2 * (1 - l / (lags + 1.0)) * autocovariance(d, l);
        }
        if (!(variance > 0)) {
            // No variation in the difference: it is either a constant gain, a constant loss or nothing at all.
            return new PairedImprovementTest(mean, 0, lags, n, mean > 0 ? 0.0 : 1.0);
        }
        double se = Math.sqrt(variance / n);
        return new PairedImprovementTest(mean, se, lags, n, 1 - StandardNormal.cdf(mean / se));
    }

    public boolean passes(double significance) {
        return pValue <= significance;
    }

    private static double autocovariance(double[] centred, int lag) {
        double s = 0;
        for (int i = lag; i < centred.length; i++) {
            s += centred[i] * centred[i - lag];
        }
        return s / centred.length;
    }
}
