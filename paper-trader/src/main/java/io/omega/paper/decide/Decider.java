package io.omega.paper.decide;

import java.util.Map;

/** Turns one bar's features into a prediction: the production model, a shadow candidate, or the baseline rules. */
@FunctionalInterface
public interface Decider {

    Prediction predict(String symbol, Map<String, Double> features);
}
