package io.omega.learning.dataset;

import java.util.List;

/**
 * Per-feature z-score statistics, fitted on the training rows only and saved with the model. A feature that is
 * constant in training gets a standard deviation of 1 so it maps to 0 instead of dividing by zero.
 */
public record NormalizationStats(List<String> features, double[] mean, double[] std, int rowsFitted) {

    public NormalizationStats {
        features = List.copyOf(features);
        if (mean.length != features.size() || std.length != features.size()) {
            throw new IllegalArgumentException("normalisation statistics need one mean and one std per feature: "
                    + features.size() + " features, " + mean.length + " means, " + std.length + " stds");
        }
        mean = mean.clone();
        std = std.clone();
    }

    public double apply(int feature, double value) {
        return (value - mean[feature]) / std[feature];
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
