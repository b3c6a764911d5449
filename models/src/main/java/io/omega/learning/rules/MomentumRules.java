package io.omega.learning.rules;

import io.omega.learning.backtest.ClassProbabilities;

import java.util.List;
import java.util.Map;

/**
 * The engine's rule decider: momentum over five bars measured in units of recent volatility. The probability of the
 * move's side grows with that z-score through a logistic curve; small moves are mostly FLAT.
 *
 * <p>A pure function of one bar's features, kept here so that the paper trader trades it and the evaluator backtests
 * it from one implementation: the rules are the champion a first model must beat.
 */
public final class MomentumRules {

    /** The version name under which an evaluation reports the rules as the champion. */
    public static final String CHAMPION_VERSION = "rules";

    /** One bar's class probabilities; they sum to 1. */
    public record Probabilities(double pLong, double pShort, double pFlat) {
    }

    private MomentumRules() {
    }

    public static Probabilities predict(Map<String, Double> features) {
        double vol = Math.max(features.getOrDefault("vol_15", 0.0) * Math.sqrt(5), 1e-9);
        double z = features.getOrDefault("ret_5", 0.0) / vol;
        double side = 1 / (1 + Math.exp(-1.5 * z));          // probability the move goes on up
        double flat = Math.exp(-z * z);                       // mostly FLAT near z = 0
        return new Probabilities((1 - flat) * side, (1 - flat) * (1 - side), flat);
    }

    /** The rules' probabilities for a series of bars, one feature map per bar, for a backtest. */
    public static ClassProbabilities predictAll(List<Map<String, Double>> featuresByBar) {
        int n = featuresByBar.size();
        double[] pLong = new double[n];
        double[] pShort = new double[n];
        double[] pFlat = new double[n];
        for (int i = 0; i < n; i++) {
            Probabilities p = predict(featuresByBar.get(i));
            pLong[i] = p.pLong();
            pShort[i] = p.pShort();
            pFlat[i] = p.pFlat();
        }
        return new ClassProbabilities(pLong, pShort, pFlat);
    }
}
