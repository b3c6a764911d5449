package io.omega.sink.health;

/**
 * Whether the sink is doing its job, for {@code /api/health}: {@code up} is false while it is stopped or failed,
 * or while some partition waits for the schema registry (its records are neither written nor dead-lettered, and
 * its offsets stand still). {@code detail} says which.
 */
public record SinkHealth(boolean up, String detail) {

    public static SinkHealth consuming() {
        return new SinkHealth(true, "consuming");
    }

    public static SinkHealth down(String detail) {
        return new SinkHealth(false, detail);
    }
}
