package io.omega.sink.write;

import io.omega.store.ExperienceKind;
import io.omega.store.OutcomeRow;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When a partition's rows are flushed, and which offsets the flush covers: the sink's flush planning, no broker. */
class PartitionBufferTest {

    private static final TopicPartition P = new TopicPartition("omega.outcomes", 2);

    private final PartitionBuffer buffer = new PartitionBuffer(P, ExperienceKind.OUTCOMES);

    private static OutcomeRow row(long offset) {
        return new OutcomeRow("o" + offset, "t" + offset, Instant.EPOCH, "X", 100, 1, 0.1, 60_000, "SIGNAL", "cnn",
                "rules", false, 2, offset);
    }

    @Test
    void anEmptyBufferIsNeverDue() {
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.isDue(1, 0, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void dueAtTheRecordCountOrOnceItsFirstRecordHasWaitedTheInterval() {
        buffer.add(10, row(10), 1_000);
        buffer.add(11, row(11), 1_500);
        assertThat(buffer.isDue(3, 2_000, 2_999)).as("2 of 3 records, 1,999 ms of 2,000").isFalse();
        assertThat(buffer.isDue(3, 2_000, 3_000)).as("the first record waited 2,000 ms").isTrue();
        assertThat(buffer.isDue(2, 2_000, 1_500)).as("2 records of 2").isTrue();
    }

    @Test
    void deadLetteredRecordsCountAndWidenTheRangeButAddNoRow() {
        buffer.add(20, row(20), 0);
        buffer.add(21, null, 0);   // went to the dead-letter topic
        buffer.add(22, row(22), 0);
        assertThat(buffer.records()).isEqualTo(3);
        assertThat(buffer.rows()).hasSize(2);
        assertThat(buffer.firstOffset()).isEqualTo(20);
        assertThat(buffer.lastOffset()).isEqualTo(22);
        assertThat(buffer.isDue(3, Long.MAX_VALUE, 0)).isTrue();
    }

    @Test
    void aClearedBufferStartsItsRangeAndItsWaitAfresh() {
        buffer.add(30, row(30), 0);
        buffer.clear();
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.rows()).isEmpty();
        assertThat(buffer.firstOffset()).isEqualTo(-1);
        buffer.add(31, row(31), 5_000);
        assertThat(buffer.firstOffset()).isEqualTo(31);
        assertThat(buffer.isDue(100, 1_000, 5_999)).as("waited 999 ms since offset 31, not since offset 30").isFalse();
        assertThat(buffer.isDue(100, 1_000, 6_000)).isTrue();
    }
}
