package io.omega.learning.model;

/** What the output layer produces: class probabilities (softmax, cross-entropy) or one real value (identity, MSE). */
public enum OutputKind { CLASSIFICATION, REGRESSION }
