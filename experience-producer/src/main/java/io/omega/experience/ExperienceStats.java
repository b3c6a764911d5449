package io.omega.experience;

import io.omega.experience.publish.PublisherStats;

/**
 * The recorder's counters: what was recorded, and where it stands on its way to Kafka.
 *
 * @param buffered experiences the in-memory buffer holds now (at most its size)
 */
public record ExperienceStats(long decisions, long executions, long outcomes, long buffered, PublisherStats publisher) {

    public long recorded() {
        return decisions + executions + outcomes;
    }
}
