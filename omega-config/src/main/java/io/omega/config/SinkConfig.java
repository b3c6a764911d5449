package io.omega.config;

/**
 * The {@code sink} section: how the trade-logger sink turns topics into daily files. The file format
 * ({@code self_learning.log_file_format}) and retention ({@code self_learning.keep_logs_days}) stay in the
 * design's {@code self_learning} section.
 *
 * @param groupId                consumer group of the sink
 * @param flushRecords           flush a file once this many records are buffered for one partition
 * @param flushIntervalMs        or once this long has passed since the first buffered record
 * @param compression            Parquet column compression
 * @param compactionGraceMinutes a day is closed (and compacted) once the event-time watermark is this far past its end
 */
public record SinkConfig(String groupId, int flushRecords, long flushIntervalMs, ParquetCompression compression,
                         int compactionGraceMinutes) {

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
                s.integer("compaction_grace_minutes", 60, 0, 7 * 24 * 60));
    }
}
