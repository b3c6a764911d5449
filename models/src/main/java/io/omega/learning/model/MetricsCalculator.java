package io.omega.learning.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Computes {@link ClassificationMetrics} from network outputs and labels, with one definition for every caller. */
public final class MetricsCalculator {

    public ClassificationMetrics classification(INDArray output, INDArray labels, double loss) {
        int n = (int) output.size(0);
        int classes = (int) output.size(1);
        int[] predicted = argMax(output);
        int[] actual = argMax(labels);
        return fromClasses(predicted, actual, classes, loss, null);
    }

    /** Regression: metrics on the sign of predicted vs actual value (UP when > 0), plus the mean squared error. */
    public ClassificationMetrics regression(INDArray output, INDArray labels, double loss) {
        int n = (int) output.size(0);
        int[] predicted = new int[n];
        int[] actual = new int[n];
        double squared = 0;
        for (int i = 0; i < n; i++) {
            double p = output.getDouble(i, 0);
            double a = labels.getDouble(i, 0);
            predicted[i] = p > 0 ? 1 : 0;
            actual[i] = a > 0 ? 1 : 0;
            squared += (p - a) * (p - a);
        }
        return fromClasses(predicted, actual, 2, loss, n == 0 ? null : squared / n);
    }

    static ClassificationMetrics fromClasses(int[] predicted, int[] actual, int classes, double loss, Double mse) {
        int n = predicted.length;
        long[][] confusion = new long[classes][classes];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            confusion[actual[i]][predicted[i]]++;
            if (actual[i] == predicted[i]) {
                correct++;
            }
        }
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            long predictedC = 0;
            long actualC = 0;
            for (int k = 0; k < classes; k++) {
                predictedC += confusion[k][c];
                actualC += confusion[c][k];
            }
            // A class never predicted (or absent) scores 0 rather than NaN, as scikit-learn's zero_division=0.
            double precision = predictedC == 0 ? 0 : (double) tp / predictedC;
            double recall = actualC == 0 ? 0 : (double) tp / actualC;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            precisionSum += precision;
            recallSum += recall;
            f1Sum += f1;
        }
        return new ClassificationMetrics(n, n == 0 ? Double.NaN : (double) correct / n, precisionSum / classes,
                recallSum / classes, f1Sum / classes, loss, mse);
    }

    private static int[] argMax(INDArray matrix) {
        int n = (int) matrix.size(0);
        int classes = (int) matrix.size(1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestValue = matrix.getDouble(i, 0);
            for (int c = 1; c < classes; c++) {
                double v = matrix.getDouble(i, c);
                if (v > bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
