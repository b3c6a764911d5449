package io.omega.learning.model;

/**
 * Accuracy, precision, recall and F1 on one part of the data. Precision, recall and F1 are macro averages over
 * the classes (for two classes: the mean of the DOWN and UP scores), so a model that always says one class cannot
 * score well. For the {@code return} target the classes are the signs of predicted and actual returns;
 * {@code meanSquaredError} is then filled, otherwise it is null. {@code loss} is the network's own loss.
 */
public record ClassificationMetrics(int samples, double accuracy, double precision, double recall, double f1,
                                    double loss, Double meanSquaredError) {
}
