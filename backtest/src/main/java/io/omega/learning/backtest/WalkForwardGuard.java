package io.omega.learning.backtest;

/** Refuses to score a model on data it was trained on: the evaluation must start strictly after training ends. */
public final class WalkForwardGuard {

    private WalkForwardGuard() {
    }

    /**
     * @throws WalkForwardViolationException naming both windows when {@code evaluation} starts at or before the end
     *                                       of {@code training}
     */
    public static void requireAfterTraining(DataWindow training, DataWindow evaluation) {
        if (!evaluation.from().isAfter(training.to())) {
            throw new WalkForwardViolationException(training, evaluation);
        }
    }
}
