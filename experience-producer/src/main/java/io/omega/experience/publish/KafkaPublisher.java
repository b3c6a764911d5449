package io.omega.experience.publish;

import io.omega.experience.queue.DroppingQueue;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves records from callers to Kafka without ever making a caller wait: {@link #publish} only puts the
 * record on a {@link DroppingQueue}; one background thread hands queued records, in order, to a Kafka
 * producer that must be idempotent with an unbounded delivery timeout, so a record handed over is retried
 * until the broker takes it, once.
 *
 * <p>Capacity counts both the records waiting and those in flight: while the broker is away the producer
 * keeps at most {@code maxInFlight} records, the queue holds the rest up to capacity, and beyond that the
 * oldest waiting records are dropped and counted.
 */
public final class KafkaPublisher<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final int DRAIN_BATCH = 512;
    private static final long MAX_IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PublisherSettings settings;
    private final Producer<String, V> producer;
    private final DroppingQueue<Envelope<V>> queue;
    private final Thread drainer;

    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    // Drainer-thread state: records Kafka's producer could not take yet (e.g. no metadata while the broker is
    // away). They go first next time, so order is kept.
    private final ArrayDeque<Envelope<V>> held = new ArrayDeque<>();
    private boolean retryLater;
    private long lastLoggedDrops;
    private long lastDropLogNanos = System.nanoTime();

    private volatile boolean closing;
    private volatile boolean abandoned;

    public KafkaPublisher(PublisherSettings settings, Producer<String, V> producer, String threadName) {
        this.settings = settings;
        this.producer = producer;
        this.queue = new DroppingQueue<>(settings.capacity());
        this.drainer = new Thread(this::drainUntilClosed, threadName);
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    /** Queues a record for Kafka. Never blocks and never throws a Kafka exception. */
    public void publish(Envelope<V> envelope) {
        queue.offer(envelope);
    }

    public PublisherStats stats() {
        long inFlightNow = inFlight.get();
        return new PublisherStats(queue.offered(), delivered.get(), queue.dropped(), failed.get(), queue.waiting(),
                inFlightNow);
    }

    /**
     * Stops taking part, sends what is queued and waits for acknowledgements, at most {@code timeout};
     * whatever is still undelivered then is reported, not silently lost.
     */
    public CloseReport close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        closing = true;
        LockSupport.unpark(drainer);
        try {
            drainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandoned = true; // from here, failures are the close's doing, reported as undelivered
        drainer.interrupt();
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        PublisherStats s = stats();
        long undelivered = s.offered() - s.delivered() - s.dropped() - s.failed();
        if (undelivered > 0) {
            LOG.warn("closed with {} experience(s) undelivered after {} ({} delivered, {} dropped, {} failed)",
                    undelivered, timeout, s.delivered(), s.dropped(), s.failed());
        }
        return new CloseReport(s.delivered(), s.dropped(), s.failed(), undelivered);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void drainUntilClosed() {
        int idleRounds = 0;
        while (!abandoned) {
            boolean finishing = closing;
            int moved = drainQueue(sendHeld());
            logDropsNowAndThen();
            if (finishing && held.isEmpty() && queue.waiting() == 0) {
                return; // close() waits for the acknowledgements
            }
            if (moved > 0) {
                idleRounds = 0;
            } else {
                idleRounds++;
                pause(idleRounds);
            }
        }
    }

    private boolean sendHeld() {
        while (!held.isEmpty()) {
            if (!trySend(held.peekFirst())) {
                return false;
            }
            held.pollFirst();
        }
        return true;
    }

    /** Applies the capacity bound, then hands queued records to Kafka when it is taking them. */
    private int drainQueue(boolean kafkaTakes) {
        long room = settings.capacity() - inFlight.get();
        int sendable = kafkaTakes ? (int) Math.min(DRAIN_BATCH, settings.maxInFlight() - inFlight.get()) : 0;
        return queue.drain(room, Math.max(0, sendable), envelope -> {
            inFlight.incrementAndGet();
            if (!held.isEmpty() || !trySend(envelope)) {
                held.addLast(envelope);
            }
        });
    }

    /**
     * Hands one record, already counted in flight, to Kafka. False when Kafka cannot take it yet: the producer
     * reports a retriable error such as a metadata timeout through the callback, on this thread, inside send().
     */
    private boolean trySend(Envelope<V> envelope) {
        retryLater = false;
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope.value()),
                    (metadata, error) -> completed(envelope, error));
            return !retryLater;
        } catch (RuntimeException e) {
            if (abandoned) {
                return false;
            }
            // Not retriable by nature (e.g. a record that cannot be serialised): count it, do not loop on it.
            inFlight.decrementAndGet();
            failed.incrementAndGet();
            LOG.error("cannot send an experience to {} (key {}): {}", envelope.topic(), envelope.key(), e.toString());
            return true;
        }
    }

    private void completed(Envelope<V> envelope, Exception error) {
        if (error == null) {
            inFlight.decrementAndGet();
            delivered.incrementAndGet();
        } else if (error instanceof RetriableException && Thread.currentThread() == drainer && !abandoned) {
            retryLater = true; // stays in flight, held for the next round
        } else {
            inFlight.decrementAndGet();
            if (!abandoned) {
                failed.incrementAndGet();
                LOG.error("Kafka refused an experience for {} (key {}): {}", envelope.topic(), envelope.key(),
                        error.toString());
            }
        }
    }

    private void logDropsNowAndThen() {
        long now = System.nanoTime();
        if (now - lastDropLogNanos < settings.dropLogInterval().toNanos()) {
            return;
        }
        long dropped = queue.dropped();
        if (dropped > lastLoggedDrops) {
            LOG.warn("experience queue full: dropped {} oldest experience(s) in the last {} s ({} in all)",
                    dropped - lastLoggedDrops, settings.dropLogInterval().toSeconds(), dropped);
            lastLoggedDrops = dropped;
        }
        lastDropLogNanos = now;
    }

    private static void pause(int idleRounds) {
        if (idleRounds < 64) {
            Thread.onSpinWait();
        } else if (idleRounds < 96) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(MAX_IDLE_PARK_NANOS, 10_000L * (idleRounds - 95)));
        }
    }
}
