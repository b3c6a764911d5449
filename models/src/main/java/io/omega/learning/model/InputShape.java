package io.omega.learning.model;

/** Shape of one input window: {@code windowSize} time steps of {@code features} values each. */
public record InputShape(int windowSize, int features) {
    public InputShape {
        if (windowSize < 1 || features < 1) {
            throw new IllegalArgumentException("input shape needs windowSize >= 1 and features >= 1, got "
                    + windowSize + "x" + features);
        }
    }
}
