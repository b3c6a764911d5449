package io.omega.learning.model;

import java.util.List;

/**
 * What training produced: the network holds the weights of {@code bestEpoch} (restored after early stopping),
 * and the metrics are that network's on validation and test.
 */
public record TrainingResult(int epochsRun, int bestEpoch, boolean stoppedEarly, List<EpochProgress> history,
                             ClassificationMetrics validation, ClassificationMetrics test) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
