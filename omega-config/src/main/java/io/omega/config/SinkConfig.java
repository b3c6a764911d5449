package io.omega.config;

/**
 * The {@code sink} section: how the trade-logger sink turns topics into daily files. The file format
 * ({@code self_learning.log_file_format}) and retention ({@code self_learning.keep_logs_days}) stay in the
 * {@code self_learning} section, beside the loop's other thresholds.
 *
 * @param groupId                consumer group of the sink
 * @param flushRecords           flush a file once this many records are buffered for one partition
 * @param flushIntervalMs        or once this long has passed since the first buffered record
 * @param compression            Parquet column compression
 * @param compactionGraceMinutes a day is closed (and compacted) once the event-time watermark is this far past its end
 * @param instanceId             static group membership ({@code group.instance.id}); empty: derived by the sink from
 *                               the host and the data directory; {@code dynamic}: no static membership.
 *                               A restarted sink with the same id gets its partitions back at once instead of after
 *                               the session timeout; every running instance needs its own id
 */
public record SinkConfig(String groupId, int flushRecords, long flushIntervalMs, ParquetCompression compression,
                         int compactionGraceMinutes, String instanceId) {

    public enum ParquetCompression { ZSTD, SNAPPY, UNCOMPRESSED }

    static SinkConfig read(Section s) {
        String group = s.string("group_id", "omega-sink");
        if (group.isBlank()) {
            s.problem("group_id", "must not be blank");
        }
        return new SinkConfig(group,
                s.integer("flush_records", 100, 1, 10_000_000),
                s.integer("flush_interval_ms", 60_000, 10, 86_400_000),
                s.choice("compression", ParquetCompression.ZSTD),
                s.integer("compaction_grace_minutes", 60, 0, 7 * 24 * 60),
                instanceId(s));
    }

    private static String instanceId(Section s) {
        String id = s.string("instance_id", "");
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9._-]+")) {
            s.problem("instance_id", "may only contain letters, digits, '.', '_' and '-', got '" + id + "'");
        }
        return id;
    }
}
