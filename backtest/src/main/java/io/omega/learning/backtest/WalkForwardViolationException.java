package io.omega.learning.backtest;

/** An evaluation window that is not strictly after the model's training data. */
public final class WalkForwardViolationException extends IllegalArgumentException {

    private final DataWindow training;
    private final DataWindow evaluation;

    public WalkForwardViolationException(DataWindow training, DataWindow evaluation) {
        super("evaluation window " + evaluation + " is not strictly after the model's training data " + training
                + ": walk-forward evaluation needs data the model has not seen, starting after " + training.to());
        this.training = training;
        this.evaluation = evaluation;
    }

    public DataWindow training() {
        return training;
    }

    public DataWindow evaluation() {
        return evaluation;
    }
}
