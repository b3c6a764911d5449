package io.omega.learning.backtest;

/**
 * A model's per-bar class probabilities (LONG, SHORT, FLAT), one entry per bar, computed from data up to and
 * including that bar's close. Arrays are not copied.
 */
public record ClassProbabilities(double[] longProbability, double[] shortProbability, double[] flatProbability) {

    public ClassProbabilities {
        if (longProbability == null || shortProbability == null || flatProbability == null) {
            throw new IllegalArgumentException("probabilities: LONG, SHORT and FLAT arrays are all required");
        }
        int n = longProbability.length;
        if (shortProbability.length != n || flatProbability.length != n) {
            throw new IllegalArgumentException("probabilities: arrays must have the same length, got LONG=" + n
                    + " SHORT=" + shortProbability.length + " FLAT=" + flatProbability.length);
        }
        for (int i = 0; i < n; i++) {
            check("LONG", i, longProbability[i]);
            check("SHORT", i, shortProbability[i]);
            check("FLAT", i, flatProbability[i]);
        }
    }

    private static void check(String name, int i, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probabilities: " + name + " at bar " + i + " must be in [0, 1], got " + p);
        }
    }

    public int size() {
        return longProbability.length;
    }
}
