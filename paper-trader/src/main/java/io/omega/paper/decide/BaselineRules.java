package io.omega.paper.decide;

import java.util.Map;

/**
 * The engine's decisions before any model is in production, so that experience accumulates: momentum over five
 * bars measured in units of recent volatility. The probability of the move's side grows with that z-score through a
 * logistic curve; small moves are mostly FLAT.
 */
public final class BaselineRules implements Decider {

    public static final String MODEL_TYPE = "baseline";
    public static final String VERSION = "momentum-v1";

    @Override
    public Prediction predict(String symbol, Map<String, Double> features) {
        double vol = Math.max(features.getOrDefault("vol_15", 0.0) * Math.sqrt(5), 1e-9);
        double z = features.getOrDefault("ret_5", 0.0) / vol;
        double side = 1 / (1 + Math.exp(-1.5 * z));          // probability the move goes on up
        double flat = Math.exp(-z * z);                       // mostly FLAT near z = 0
        double pLong = (1 - flat) * side;
        double pShort = (1 - flat) * (1 - side);
        return new Prediction(pLong, pShort, flat, MODEL_TYPE, VERSION);
    }
}
