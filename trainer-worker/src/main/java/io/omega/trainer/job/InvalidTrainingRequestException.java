package io.omega.trainer.job;

/** A training request that decoded but cannot be trained as asked. */
public final class InvalidTrainingRequestException extends RuntimeException {

    public InvalidTrainingRequestException(String message) {
        super(message);
    }
}
