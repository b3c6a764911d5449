package io.omega.experience.publish;

import java.time.Duration;

/**
 * Bounds of the background publisher.
 *
 * @param capacity        events waiting for, or in flight to, Kafka; beyond it the oldest waiting are dropped
 * @param maxInFlight     events handed to the Kafka producer and not yet acknowledged (at most {@code capacity})
 * @param dropLogInterval how often a running drop count is logged, so a long outage does not flood the log
 */
public record PublisherSettings(int capacity, int maxInFlight, Duration dropLogInterval) {

    public PublisherSettings {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (maxInFlight < 1 || maxInFlight > capacity) {
            throw new IllegalArgumentException("maxInFlight must be between 1 and capacity (" + capacity + "), got "
                    + maxInFlight);
        }
    }
}
