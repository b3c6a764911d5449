package io.omega.controller.promotion;

import io.omega.config.SelfLearningConfig;

/**
 * How evaluations turn into promotions.
 *
 * @param enabled        {@code enable_self_learning}: off, evaluations change nothing by themselves
 * @param manualApproval {@code manual_approval_required}: a passing candidate waits for a person
 */
public record GateSettings(boolean enabled, boolean manualApproval, PromotionCriteria criteria) {

    public static GateSettings from(SelfLearningConfig config) {
        return new GateSettings(config.enableSelfLearning(), config.manualApprovalRequired(),
                PromotionCriteria.from(config));
    }
}
