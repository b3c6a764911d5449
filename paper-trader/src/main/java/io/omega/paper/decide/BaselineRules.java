package io.omega.paper.decide;

import io.omega.learning.rules.MomentumRules;

import java.util.Map;

/**
 * The engine's decisions before any model is in production, so that experience accumulates: the momentum rules of
 * {@link MomentumRules}, the same function the evaluator backtests as the champion a first model must beat.
 */
public final class BaselineRules implements Decider {

    public static final String MODEL_TYPE = "baseline";
    public static final String VERSION = "momentum-v1";

    @Override
    public Prediction predict(String symbol, Map<String, Double> features) {
        MomentumRules.Probabilities p = MomentumRules.predict(features);
        return new Prediction(p.pLong(), p.pShort(), p.pFlat(), MODEL_TYPE, VERSION);
    }
}
