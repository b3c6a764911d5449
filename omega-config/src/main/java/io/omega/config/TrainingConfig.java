package io.omega.config;

/**
 * The {@code training} section: defaults of a training run ({@code omega train} flags and training requests
 * override them per run).
 */
public record TrainingConfig(int daysBack, int epochs, int batchSize, int windowSize, int predictionHorizon,
                             TargetType targetType, int earlyStoppingPatience, double learningRate, long seed,
                             double validationFraction, double testFraction) {

    public enum TargetType { DIRECTION, RETURN, OUTCOME }

    static TrainingConfig read(Section s) {
        double validation = s.decimalAbove("validation_fraction", 0.15, 0, 0.5);
        double test = s.decimalAbove("test_fraction", 0.15, 0, 0.5);
        if (validation + test >= 0.9) {
            s.problem("test_fraction", "validation_fraction + test_fraction must leave at least 10 % for training, got "
                    + (validation + test));
        }
        return new TrainingConfig(
                s.integer("days_back", 7, 1, 3650),
                s.integer("epochs", 50, 1, 100_000),
                s.integer("batch_size", 32, 1, 65_536),
                s.integer("window_size", 50, 2, 10_000),
                s.integer("prediction_horizon", 10, 1, 10_000),
                s.choice("target_type", TargetType.DIRECTION),
                s.integer("early_stopping_patience", 10, 1, 10_000),
                s.decimalAbove("learning_rate", 0.001, 0, 1),
                s.integer("seed", 42, 0, Integer.MAX_VALUE),
                validation, test);
    }
}
