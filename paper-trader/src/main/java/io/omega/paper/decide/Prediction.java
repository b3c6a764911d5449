package io.omega.paper.decide;

import io.omega.schemas.event.Direction;

import java.util.Map;

/** What a model (or the rules) says about a bar: the class probabilities and who said it. */
public record Prediction(double pLong, double pShort, double pFlat, String modelType, String modelVersion) {

    /**
     * The most probable class, acted on only at {@code threshold} or above; FLAT otherwise. The backtester's own rule
     * ({@link io.omega.learning.backtest.Backtester#signal}), so live and backtest read a prediction alike.
     */
    public Direction direction(double threshold) {
        int signal = io.omega.learning.backtest.Backtester.signal(pLong, pShort, pFlat, threshold);
        return signal > 0 ? Direction.LONG : signal < 0 ? Direction.SHORT : Direction.FLAT;
    }

    public double confidence(Direction direction) {
        return switch (direction) {
            case LONG -> pLong;
            case SHORT -> pShort;
            case FLAT -> pFlat;
        };
    }

    public Map<String, Double> probabilities() {
        return Map.of("LONG", pLong, "SHORT", pShort, "FLAT", pFlat);
    }
}
