package io.omega.learning.dataset;

import io.omega.config.TrainingConfig;
import io.omega.config.TrainingConfig.TargetType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to build: which features, in which order, the window and horizon, the target, and the data-quality policy.
 *
 * @param features           feature names, in the order of the window's feature axis (fixed by the caller, never
 *                           inferred from the data, so data arriving later cannot change earlier windows)
 * @param maxStep            the largest time step between consecutive rows of a symbol that is not a gap; when
 *                           {@code null} it is inferred per symbol as {@code gapFactor} times the median step
 * @param maxForwardFill     how many consecutive rows a missing or non-finite feature may be carried forward from
 *                           the last observed value; a row beyond that breaks the series like a gap
 * @param minSamplesPerSplit fewest windows each of train, validation and test must hold
 */
public record DatasetSpec(List<String> features, int windowSize, int predictionHorizon, TargetType target,
                          Duration maxStep, double gapFactor, int maxForwardFill,
                          double validationFraction, double testFraction, int minSamplesPerSplit) {

    public static final double DEFAULT_GAP_FACTOR = 3.0;
    public static final int DEFAULT_MAX_FORWARD_FILL = 3;
    public static final int DEFAULT_MIN_SAMPLES_PER_SPLIT = 10;

    public DatasetSpec {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        Objects.requireNonNull(target, "target");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("dataset needs at least one feature name");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("feature names must be distinct, got " + features);
        }
        if (windowSize < 2) {
            throw new IllegalArgumentException("window size must be >= 2, got " + windowSize);
        }
        if (predictionHorizon < 1) {
            throw new IllegalArgumentException("prediction horizon must be >= 1, got " + predictionHorizon);
        }
        if (maxStep != null && (maxStep.isNegative() || maxStep.isZero())) {
            throw new IllegalArgumentException("max step must be positive, got " + maxStep);
        }
        if (!(gapFactor > 1)) {
            throw new IllegalArgumentException("gap factor must be > 1, got " + gapFactor);
        }
        if (maxForwardFill < 0) {
            throw new IllegalArgumentException("max forward fill must be >= 0, got " + maxForwardFill);
        }
        if (validationFraction <= 0 || testFraction <= 0 || validationFraction + testFraction >= 0.9) {
            throw new IllegalArgumentException("validation and test fractions must be > 0 and leave >= 10 % for training, got "
                    + validationFraction + " and " + testFraction);
        }
        if (minSamplesPerSplit < 1) {
            throw new IllegalArgumentException("min samples per split must be >= 1, got " + minSamplesPerSplit);
        }
    }

    public static DatasetSpec of(List<String> features, TrainingConfig config) {
        return new DatasetSpec(features, config.windowSize(), config.predictionHorizon(), config.targetType(), null,
                DEFAULT_GAP_FACTOR, DEFAULT_MAX_FORWARD_FILL, config.validationFraction(), config.testFraction(),
                DEFAULT_MIN_SAMPLES_PER_SPLIT);
    }

    public DatasetSpec withMaxStep(Duration step) {
        return new DatasetSpec(features, windowSize, predictionHorizon, target, step, gapFactor, maxForwardFill,
                validationFraction, testFraction, minSamplesPerSplit);
    }

    public DatasetSpec withTarget(TargetType newTarget) {
        return new DatasetSpec(features, windowSize, predictionHorizon, newTarget, maxStep, gapFactor, maxForwardFill,
                validationFraction, testFraction, minSamplesPerSplit);
    }

    public DatasetSpec withMinSamplesPerSplit(int min) {
        return new DatasetSpec(features, windowSize, predictionHorizon, target, maxStep, gapFactor, maxForwardFill,
                validationFraction, testFraction, min);
    }

    public DatasetSpec withWindow(int window, int horizon) {
        return new DatasetSpec(features, window, horizon, target, maxStep, gapFactor, maxForwardFill,
                validationFraction, testFraction, minSamplesPerSplit);
    }

    /** Rows one window with its label needs, contiguous: the window plus the horizon. */
    public int rowsPerSample() {
        return windowSize + predictionHorizon;
    }
}
