package io.omega.learning.artifact;

import io.omega.learning.model.ClassificationMetrics;

/** Validation and test metrics of the saved weights, and the epoch they come from. */
public record ModelMetrics(ClassificationMetrics validation, ClassificationMetrics test, int bestEpoch, int epochsRun) {
}
