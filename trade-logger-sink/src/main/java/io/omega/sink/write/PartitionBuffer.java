package io.omega.sink.write;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;

/**
 * What has been consumed from one partition since its last flush: the rows to write and the offset range they
 * (and any records sent to the dead-letter topic in between) cover. The range names the files of the flush.
 */
public final class PartitionBuffer {

    private final TopicPartition partition;
    private final ExperienceKind<?> kind;
    private final List<ExperienceRow> rows = new ArrayList<>();
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long records;
    private long firstBufferedAtMillis;

    public PartitionBuffer(TopicPartition partition, ExperienceKind<?> kind) {
        this.partition = partition;
        this.kind = kind;
    }

    /** A consumed record: its row, or null when it went to the dead-letter topic. */
    public void add(long offset, ExperienceRow row, long nowMillis) {
        if (records == 0) {
            firstOffset = offset;
            firstBufferedAtMillis = nowMillis;
        }
        lastOffset = offset;
        records++;
        if (row != null) {
            rows.add(row);
        }
    }

    public boolean isEmpty() {
        return records == 0;
    }

    public boolean isDue(int flushRecords, long flushIntervalMillis, long nowMillis) {
        return records > 0 && (records >= flushRecords || nowMillis - firstBufferedAtMillis >= flushIntervalMillis);
    }

    public TopicPartition partition() {
        return partition;
    }

    public ExperienceKind<?> kind() {
        return kind;
    }

    public List<ExperienceRow> rows() {
        return rows;
    }

    public long firstOffset() {
        return firstOffset;
    }

    public long lastOffset() {
        return lastOffset;
    }

    public long records() {
        return records;
    }

    public void clear() {
        rows.clear();
        records = 0;
        firstOffset = -1;
        lastOffset = -1;
    }
}
