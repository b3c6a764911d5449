package io.omega.schemas.topic;

import io.omega.schemas.decode.DecodeFailures;
import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads topics from their start, committed records only, without a consumer group, and hands every record to
 * {@code handler} on its own thread: how a component rebuilds a view of the log (the controller's status, the paper
 * trader's models, a registry client's replica) and then keeps it current. Knows when it has read everything that
 * was there when it started.
 *
 * <p>A handler that cannot decode a record because the schema registry cannot be reached throws (any exception
 * {@link DecodeFailures#isTransient} calls transient, such as {@link SchemaRegistryUnavailableException}): the
 * record's partition is then rewound and paused for a backoff, and the record handed over again, so a view never
 * silently misses a record for an outage.
 */
public final class TopicFollower implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    /** Kafka's own default: how long the broker holds a fetch that finds nothing new. */
    public static final Duration DEFAULT_FETCH_WAIT = Duration.ofMillis(500);

    private final List<String> topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final RegistryOutagePause registryOutage;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean started;
    /** Set before the thread starts (by {@link #startAndAwaitCaughtUp}) or by the thread itself. */
    private Map<TopicPartition, Long> endsAtStart;

    public TopicFollower(List<String> topics, String bootstrapServers, String clientId,
                         Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this(topics, bootstrapServers, clientId, DEFAULT_FETCH_WAIT, handler);
    }

    /**
     * {@code fetchWait}: how soon a new record reaches the handler when the topics are quiet is bounded by it; a
     * reader that waits for answers (the registry client) wants it short.
     */
    public TopicFollower(List<String> topics, String bootstrapServers, String clientId, Duration fetchWait,
                         Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.registryOutage = new RegistryOutagePause(consumer, Clock.systemUTC());
    }

    /** Starts following on a daemon thread named {@code threadName}. */
    public TopicFollower start(String threadName) {
        Thread thread = new Thread(this, threadName);
        thread.setDaemon(true);
        started = true;
        thread.start();
        return this;
    }

    /**
     * Finds the topics' partitions and their ends on the caller's thread, starts following, and returns once
     * everything that was there has been handled. Fails, closing this follower, when a topic does not exist or the
     * topics cannot be read to their end within {@code timeout}.
     */
    public TopicFollower startAndAwaitCaughtUp(String threadName, Duration timeout) {
        try {
            endsAtStart = assignFromStart(partitions(timeout, true), timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        start(threadName);
        try {
            if (!awaitCaughtUp(timeout)) {
                close();
                throw new IllegalStateException("could not read " + topics + " to the end within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while reading " + topics, e);
        }
        return this;
    }

    /** Every partition of the topics; with {@code missingFails}, a topic without partitions is an error naming it. */
    private List<TopicPartition> partitions(Duration timeout, boolean missingFails) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos.isEmpty() && missingFails) {
                throw new IllegalStateException("topic " + topic + " does not exist; run `omega topics create`");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private Map<TopicPartition, Long> assignFromStart(List<TopicPartition> partitions, Duration timeout) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions, timeout);
    }

    /** True once everything that was in the topics at start has been handled. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            if (endsAtStart == null) {
                endsAtStart = assignFromStart(partitions(Duration.ofMinutes(1), false), Duration.ofMinutes(1));
            }
            Map<TopicPartition, Long> ends = endsAtStart;
            while (!stopping) {
                registryOutage.resumeDue();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!registryOutage.isPaused(record)) {
                        hand(record);
                    }
                }
                if (caughtUp.getCount() > 0
                        && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    private void hand(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.accept(record);
            registryOutage.decoded(record);
        } catch (RuntimeException e) {
            if (!DecodeFailures.isTransient(e)) {
                throw e;
            }
            Duration backoff = registryOutage.retryLater(record, e);
            LOG.warn("{} waits {} ms for the schema registry: {}", RecordPosition.of(record), backoff.toMillis(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (!started) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
