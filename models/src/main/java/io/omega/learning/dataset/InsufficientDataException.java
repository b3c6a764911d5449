package io.omega.learning.dataset;

/** Too little usable data for the requested windows or split; the message gives the counts found and needed. */
public class InsufficientDataException extends RuntimeException {
    public InsufficientDataException(String message) {
        super(message);
    }
}
