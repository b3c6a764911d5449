package io.omega.learning.model;

import java.time.Duration;

/** One finished epoch, as reported to a {@link TrainingListener} (for progress bars and logs). */
public record EpochProgress(int epoch, int maxEpochs, double trainLoss, ClassificationMetrics validation,
                            boolean improved, int bestEpoch, int epochsWithoutImprovement, Duration elapsed,
                            double samplesPerSecond) {

    /** Estimated time left if every remaining epoch runs (early stopping may end sooner). */
    public Duration estimatedRemaining() {
        return epoch == 0 ? Duration.ZERO : elapsed.dividedBy(epoch).multipliedBy(maxEpochs - epoch);
    }
}
