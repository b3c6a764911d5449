package io.omega.controller.monitor;

/** The exact binomial lower tail, the win-rate test's p-value. */
final class BinomialTail {

    private BinomialTail() {
    }

    /** P(X ≤ wins) for X ~ Binomial(trades, p), summed in log space so that long windows do not underflow. */
    static double atMost(int wins, int trades, double p) {
        if (wins < 0 || wins > trades) {
            throw new IllegalArgumentException("wins must be in [0, " + trades + "], got " + wins);
        }
        if (p <= 0 || wins == trades) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        double logOdds = Math.log(p) - Math.log1p(-p);
        double logTerm = trades * Math.log1p(-p);
        double max = logTerm, sum = 1;
        // Terms rise up to the mode; rescaling the running sum by the largest term seen keeps it in range.
        for (int k = 0; k < wins; k++) {
            logTerm += Math.log((double) (trades - k) / (k + 1)) + logOdds;
            if (logTerm > max) {
                sum = sum * Math.exp(max - logTerm) + 1;
                max = logTerm;
            } else {
                sum += Math.exp(logTerm - max);
            }
        }
        return Math.min(1, Math.exp(max) * sum);
    }
}
