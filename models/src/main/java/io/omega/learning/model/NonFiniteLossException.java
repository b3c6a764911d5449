package io.omega.learning.model;

/** Training produced a NaN or infinite loss; the model is unusable. */
public class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
        super(message);
    }
}
