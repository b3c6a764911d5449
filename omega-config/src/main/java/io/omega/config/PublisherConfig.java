package io.omega.config;

/**
 * {@code kafka.producer}: how experiences are published.
 *
 * @param publishQueueCapacity events waiting for, or in flight to, Kafka; beyond it the oldest waiting are dropped
 * @param maxInFlightRecords   events handed to the Kafka producer and not yet acknowledged
 */
public record PublisherConfig(int publishQueueCapacity, int maxInFlightRecords, CompressionType compressionType,
                              int lingerMs, int batchSizeBytes, int closeTimeoutMs, int dropLogIntervalMs) {

    static PublisherConfig read(Section s) {
        int capacity = s.integer("publish_queue_capacity", 65_536, 1, 16_777_216);
        int inFlight = s.integer("max_in_flight_records", 16_384, 1, Integer.MAX_VALUE);
        if (inFlight > capacity) {
            s.problem("max_in_flight_records", "must be <= publish_queue_capacity (" + capacity + "), got " + inFlight);
        }
        return new PublisherConfig(capacity, inFlight,
                s.choice("compression_type", CompressionType.LZ4),
                s.integer("linger_ms", 5, 0, 60_000),
                s.integer("batch_size_bytes", 65_536, 1024, 16_777_216),
                s.integer("close_timeout_ms", 10_000, 0, 600_000),
                s.integer("drop_log_interval_ms", 10_000, 100, 3_600_000));
    }
}
