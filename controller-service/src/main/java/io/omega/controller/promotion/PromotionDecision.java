package io.omega.controller.promotion;

import java.util.List;

/**
 * The answer of {@link PromotionPolicy#checkPromotionCriteria}: whether the candidate passes and why, plus each failed
 * criterion on its own.
 */
public record PromotionDecision(boolean promote, String reason, List<String> failures) {

    public PromotionDecision {
        failures = List.copyOf(failures);
    }
}
