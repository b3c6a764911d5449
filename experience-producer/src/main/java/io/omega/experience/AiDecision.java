package io.omega.experience;

import io.omega.schemas.event.Direction;

import java.util.Map;
import java.util.Objects;

/**
 * What a model decided for one symbol.
 *
 * @param classProbabilities probability per class name (LONG, SHORT, FLAT); taken as given, not copied
 * @param shadow             true for a shadow model's decision, which is logged but never traded
 */
public record AiDecision(Direction direction, double confidence, Map<String, Double> classProbabilities,
                         String modelType, String modelVersion, double price, boolean shadow) {

    public AiDecision {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(classProbabilities, "classProbabilities");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        Checks.positive("price", price);
    }
}
