package io.omega.paper.decide;

import java.util.Map;

/** Turns one bar's features into a prediction: the production model, a shadow candidate, or the baseline rules. */
@FunctionalInterface
public interface Decider {

    Prediction predict(String symbol, Map<String, Double> features);

    /**
     * Takes in the symbol's recent bars (oldest first) without predicting, before the first {@link #predict}: a
     * model that reads a window of bars then decides from the first bar it is given, as its backtest did, instead of
     * standing FLAT until its window fills. Deciders without memory ignore it.
     */
    default void warmUp(String symbol, java.util.List<Map<String, Double>> recent) {
    }

    /**
     * The symbol's bars had a gap: what came before says nothing about what follows, so a window of bars starts over
     * (as training and backtests cut their windows at gaps). Deciders without memory ignore it.
     */
    default void startOver(String symbol) {
    }

    /** The registry version this decider is, when it is a registered model (the rules are none). */
    default java.util.Optional<String> modelVersion() {
        return java.util.Optional.empty();
    }
}
