package io.omega.store;

import java.time.Instant;

/**
 * One row of an experience file. Every row keeps where it came from in Kafka (partition and offset), which makes
 * a file's content checkable against its name and lets an analyst trace a row back to its event.
 */
public sealed interface ExperienceRow permits DecisionRow, ExecutionRow, OutcomeRow {

    String id();

    Instant eventTime();

    String symbol();

    /** Whether the event came from {@code omega backfill} (the rules over historical data), not a live engine. */
    boolean backfilled();

    int kafkaPartition();

    long kafkaOffset();
}
