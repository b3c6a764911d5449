package io.omega.paper.decide;

import io.omega.schemas.event.Direction;

import java.util.Map;

/** What a model (or the rules) says about a bar: the class probabilities and who said it. */
public record Prediction(double pLong, double pShort, double pFlat, String modelType, String modelVersion) {

    /** The most probable class, acted on only at {@code threshold} or above; FLAT otherwise. */
    public Direction direction(double threshold) {
        if (pLong >= threshold && pLong > pShort) {
            return Direction.LONG;
        }
        if (pShort >= threshold && pShort > pLong) {
            return Direction.SHORT;
        }
        return Direction.FLAT;
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
