package io.omega.schemas.decode;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partitions whose next record could not be decoded because the schema registry could not be asked. Each
 * such partition is paused at that record and tried again after a backoff that doubles per failed attempt, up to
 * {@code maxBackoff}; it counts as waiting until a record of it decodes again. Used by the consumer thread only.
 */
public final class RegistryWait {

    /** One waiting partition: since when, how many attempts failed, when to try again and why it waits. */
    public record Waiting(Instant since, int attempts, long retryAtMillis, long offset, String reason) {
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Map<TopicPartition, Waiting> waiting = new HashMap<>();
    /** Partitions paused until their retry time; a subset of {@link #waiting}. */
    private final Map<TopicPartition, Long> paused = new HashMap<>();

    public RegistryWait(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Records a failed attempt at {@code offset} of {@code partition}; returns how long to wait before the next. */
    public Duration failed(TopicPartition partition, long offset, String reason, Instant now) {
        Waiting before = waiting.get(partition);
        int attempts = before == null ? 1 : before.attempts() + 1;
        Duration backoff = backoff(attempts);
        long retryAt = now.toEpochMilli() + backoff.toMillis();
        waiting.put(partition, new Waiting(before == null ? now : before.since(), attempts, retryAt, offset, reason));
        paused.put(partition, retryAt);
        return backoff;
    }

    public Duration backoff(int attempts) {
        long millis = initialBackoff.toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Whether records of {@code partition} are to be left alone: it is paused, waiting for its retry. */
    public boolean isPaused(TopicPartition partition) {
        return paused.containsKey(partition);
    }

    /** The paused partitions whose retry time has come; they are no longer paused. */
    public List<TopicPartition> due(long nowMillis) {
        List<TopicPartition> due = new ArrayList<>();
        paused.entrySet().removeIf(e -> {
            if (e.getValue() <= nowMillis) {
                due.add(e.getKey());
                return true;
            }
            return false;
        });
        return due;
    }

    /** A record of {@code partition} decoded: the registry answers again. Returns whether it had been waiting. */
    public boolean decoded(TopicPartition partition) {
        return !waiting.isEmpty() && waiting.remove(partition) != null;
    }

    /** Partitions that are no longer ours. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            waiting.remove(p);
            paused.remove(p);
        });
    }

    public int size() {
        return waiting.size();
    }

    /** The partition that has waited longest, if any. */
    public Optional<Map.Entry<TopicPartition, Waiting>> longest() {
        return waiting.entrySet().stream().min(Map.Entry.comparingByValue(
                (a, b) -> a.since().compareTo(b.since())));
    }
}
