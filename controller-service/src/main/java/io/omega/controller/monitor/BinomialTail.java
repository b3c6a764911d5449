package io.omega.controller.monitor;

import org.apache.commons.math3.distribution.BinomialDistribution;

/** The exact binomial lower tail, the win-rate test's p-value (Apache Commons Math). */
final class BinomialTail {

    private BinomialTail() {
    }

    /** P(X ≤ wins) for X ~ Binomial(trades, p). */
    static double atMost(int wins, int trades, double p) {
        if (wins < 0 || wins > trades) {
            throw new IllegalArgumentException("wins must be in [0, " + trades + "], got " + wins);
        }
        return new BinomialDistribution(null, trades, p).cumulativeProbability(wins);
    }
}
