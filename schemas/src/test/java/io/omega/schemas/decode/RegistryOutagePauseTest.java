package io.omega.schemas.decode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our own handling of a record that waits for the registry, on a MockConsumer: rewind, pause, back off, resume. */
class RegistryOutagePauseTest {

    private static final TopicPartition P0 = new TopicPartition("omega.training-requests", 0);
    private static final TopicPartition P1 = new TopicPartition("omega.training-requests", 1);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void rewindsAndPausesThePartitionThenResumesItAfterADoublingBackoff() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 12);
        RegistryOutagePause pause = new RegistryOutagePause(consumer, clock);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(P0.topic(), 0, 7L, null, new byte[]{0, 0, 0, 0, 1});
        Exception down = new SchemaRegistryUnavailableException("down", new ConnectException("Connection refused"));

        assertThat(pause.retryLater(record, down)).isEqualTo(Duration.ofMillis(250));
        assertThat(consumer.position(P0)).isEqualTo(7);
        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(pause.isPaused(record)).isTrue();
        assertThat(pause.isPaused(P1)).isFalse();
        assertThat(pause.waiting()).isEqualTo(1);

        now = now.plusMillis(249);
        pause.resumeDue();
        assertThat(consumer.paused()).containsExactly(P0);
        now = now.plusMillis(1);
        pause.resumeDue();
        assertThat(consumer.paused()).isEmpty();
        assertThat(pause.waiting()).as("still waiting until a record decodes").isEqualTo(1);

        assertThat(pause.retryLater(record, down)).isEqualTo(Duration.ofMillis(500));
        assertThat(pause.retryLater(record, down)).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            pause.retryLater(record, down);
        }
        assertThat(pause.retryLater(record, down)).isEqualTo(RegistryOutagePause.MAX_BACKOFF);

        assertThat(pause.decoded(record)).isTrue();
        assertThat(pause.waiting()).isZero();
        assertThat(pause.retryLater(record, down)).as("a new outage starts over").isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void doesNotResumeAPartitionNoLongerAssigned() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        RegistryOutagePause pause = new RegistryOutagePause(consumer, clock);
        pause.retryLater(new ConsumerRecord<>(P0.topic(), 0, 3L, null, new byte[0]), new SchemaRegistryUnavailableException("down", null));
        consumer.assign(List.of(P1));
        now = now.plusSeconds(10);
        pause.resumeDue(); // would throw IllegalStateException for an unassigned partition
        pause.forget(List.of(P0));
        assertThat(pause.waiting()).isZero();
    }
}
