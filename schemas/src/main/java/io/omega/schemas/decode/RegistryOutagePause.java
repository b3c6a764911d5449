package io.omega.schemas.decode;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What a consumer does with a record it could not decode because the schema registry could not be asked: rewind
 * the record's partition to it and pause the partition, then resume it after a backoff so the same record is read
 * again. The record is neither skipped nor dead-lettered, and no offset past it is committed. For consumers that
 * poll in a loop on one thread: call {@link #resumeDue()} once per loop and skip records of partitions
 * {@link #isPaused(TopicPartition)} (later records of the same poll).
 */
public final class RegistryOutagePause {

    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
    /** Short enough that a consumer notices a registry that is back within seconds; long enough not to hammer it. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final Consumer<?, ?> consumer;
    private final RegistryWait wait;
    private final Clock clock;

    public RegistryOutagePause(Consumer<?, ?> consumer, Clock clock) {
        this(consumer, new RegistryWait(INITIAL_BACKOFF, MAX_BACKOFF), clock);
    }

    public RegistryOutagePause(Consumer<?, ?> consumer, RegistryWait wait, Clock clock) {
        this.consumer = consumer;
        this.wait = wait;
        this.clock = clock;
    }

    /** Rewinds and pauses the record's partition; returns how long it stays paused. */
    public Duration retryLater(ConsumerRecord<?, ?> record, Throwable failure) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Duration backoff = wait.failed(tp, record.offset(), String.valueOf(failure.getMessage()), clock.instant());
        consumer.seek(tp, record.offset());
        consumer.pause(List.of(tp));
        return backoff;
    }

    public boolean isPaused(TopicPartition partition) {
        return wait.isPaused(partition);
    }

    public boolean isPaused(ConsumerRecord<?, ?> record) {
        return isPaused(new TopicPartition(record.topic(), record.partition()));
    }

    /** Resumes the partitions whose backoff is over (and that are still assigned). */
    public void resumeDue() {
        List<TopicPartition> due = wait.due(clock.millis());
        due.retainAll(consumer.assignment());
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /** A record of {@code record}'s partition decoded; returns whether the partition had been waiting. */
    public boolean decoded(ConsumerRecord<?, ?> record) {
        return wait.decoded(new TopicPartition(record.topic(), record.partition()));
    }

    /** Partitions that are no longer this consumer's. */
    public void forget(Collection<TopicPartition> partitions) {
        wait.forget(partitions);
    }

    /** How many partitions wait for the registry now. */
    public int waiting() {
        return wait.size();
    }

    public RegistryWait state() {
        return wait;
    }
}
