package io.omega.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.sink.compaction.CompactionSteps;
import io.omega.sink.compaction.DayCompactor;
import io.omega.sink.compaction.Leftovers;
import io.omega.sink.decode.EventDecoder;
import io.omega.sink.decode.SinkTopic;
import io.omega.sink.dlq.DeadLetters;
import io.omega.sink.health.SinkHealth;
import io.omega.sink.retention.Retention;
import io.omega.sink.stats.SinkStats;
import io.omega.sink.write.FlushResult;
import io.omega.sink.write.PartWriter;
import io.omega.sink.write.PartitionBuffer;
import io.omega.sink.write.UncommittedParts;
import io.omega.store.ExperienceRow;
import io.omega.store.layout.ExperienceLayout;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trade-logger sink: consumes {@code omega.decisions}, {@code omega.executions} and {@code omega.outcomes}
 * and keeps them as daily files under {@code <data-dir>/experiences}, exactly once (see the module README for
 * the argument), compacting closed days and deleting expired ones as it goes.
 *
 * <p>The consumer thread polls, decodes and buffers; a partition's buffer that is due goes to one writer thread,
 * which publishes its files while the consumer goes on decoding. The consumer thread commits a flush's offsets
 * only after its files are published. Compaction and retention run on the consumer thread after every pending
 * flush is published and committed, so they only ever see committed files.
 */
public final class TradeLoggerSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradeLoggerSink.class);

    private final SinkSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final EventDecoder decoder;
    private final DeadLetters deadLetters;
    private final PartWriter writer;
    private final UncommittedParts uncommitted;
    private final DayCompactor compactor;
    private final Leftovers leftovers;
    private final Retention retention;
    private final SinkStats stats;
    private final Clock clock;
    private final RegistryOutagePause registryOutage;
    private volatile SinkHealth health = SinkHealth.consuming();
    private final Map<TopicPartition, PartitionBuffer> buffers = new HashMap<>();
    /** Partitions whose first record since their assignment was logged: one INFO line each, not one a record. */
    private final Set<TopicPartition> consuming = new HashSet<>();
    /** Flushes handed to the writers, oldest first; each is committed once it and every one before it is done. */
    private final Deque<PendingFlush> pending = new ArrayDeque<>();
    /** The latest offsets committed asynchronously since the last synchronous commit, per partition. */
    private final Map<TopicPartition, OffsetAndMetadata> committedAsync = new HashMap<>();
    private final ExecutorService writers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Instant watermark = Instant.EPOCH;
    /** No compaction before this process has cleaned up what a crashed predecessor left uncommitted. */
    private boolean cleanedUp;
    private boolean failed;
    private long lastMaintenanceMillis;
    /**
     * Whether a pass has run since this process started while everything consumed was in committed files and
     * nothing was left to fetch: a restarted sink compacts then, not an interval later (restarts more frequent
     * than the interval would starve it). Only once: a live sink gets there every few seconds, and every pass
     * waits for the writers and commits synchronously, which the regular interval is there to bound.
     */
    private boolean passedWhileIdle;

    public TradeLoggerSink(SinkSettings settings, OmegaSerdes serdes, MeterRegistry metrics, Clock clock) {
        this(settings, new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), new EventDecoder(serdes),
                DeadLetters.connect(settings.bootstrapServers(), settings.clientId()), metrics, clock);
    }

    TradeLoggerSink(SinkSettings settings, Consumer<byte[], byte[]> consumer, EventDecoder decoder,
                    DeadLetters deadLetters, MeterRegistry metrics, Clock clock) {
        this.settings = settings;
        this.consumer = consumer;
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        ExperienceLayout layout = new ExperienceLayout(settings.dataDir());
        this.writer = new PartWriter(layout, settings.format());
        this.uncommitted = new UncommittedParts(layout);
        this.compactor = new DayCompactor(layout, settings.format(), settings.compactionGrace());
        this.leftovers = new Leftovers(layout, CompactionSteps.NONE);
        this.retention = new Retention(layout, settings.keepLogsDays(), clock);
        this.stats = new SinkStats(metrics);
        this.clock = clock;
        this.registryOutage = new RegistryOutagePause(consumer, clock);
        stats.waitingPartitions(registryOutage::waiting);
        // The first pass is due as soon as the first assignment is cleaned up: a sink restarted more often than
        // the maintenance interval must still compact.
        this.lastMaintenanceMillis = clock.millis() - settings.maintenanceInterval().toMillis();
        AtomicInteger writerNumber = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(WRITER_THREADS, r -> {
            Thread t = new Thread(r, "omega-sink-writer-" + writerNumber.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    private record PendingFlush(PartitionBuffer buffer, Future<FlushResult> result) {
    }

    /**
     * At most this many flushes wait for the writers: beyond it consuming waits, which bounds memory (16 flushes of
     * {@code flush_records} rows). While the consumer thread waits it fetches nothing either, so the bound is set
     * high enough that a burst from one large fetch does not stop it: 16 gave the sink about 17 % more throughput
     * than 8 in alternating runs (docs/BENCHMARKS.md).
     */
    private static final int MAX_PENDING_FLUSHES = 16;
    /**
     * Writing Parquet costs more CPU per row than fetching and decoding it: two threads write flushes side by side
     * while the consumer thread decodes. Two flushes of one partition may be written at once (their files are
     * named by their own offsets); offsets are still committed in the order the flushes were made.
     */
    private static final int WRITER_THREADS = 2;

    static Map<String, Object> consumerProperties(SinkSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        if (!settings.instanceId().isEmpty()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
        }
        return props;
    }

    public SinkStats stats() {
        return stats;
    }

    /**
     * The same counters as {@link #stats()} as a plain map per kind (total_logged, files_created and last_flush),
     * under the {@code get_stats} name that snake_case status readers expect.
     */
    public Map<String, io.omega.sink.stats.KindStats> getStats() {
        return stats.snapshot();
    }

    /**
     * Down while the sink is stopped or failed, or while a partition waits for the schema registry: then its
     * records are neither written nor dead-lettered and its committed offset stands still.
     */
    public SinkHealth health() {
        return health;
    }

    /** The latest event time seen: days ending more than the grace period before it are compacted. */
    public Instant watermark() {
        return watermark;
    }

    /** Consumes until {@link #close()}; then publishes what is buffered, commits and returns. */
    @Override
    public void run() {
        try {
            removeLeftovers();
            consumer.subscribe(SinkTopic.names(), new Rebalance());
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(pollTimeout());
                } catch (WakeupException e) {
                    break;
                }
                long now = clock.millis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    accept(record, now);
                }
                registryOutage.resumeDue();
                flushDue(now);
                commitCompleted(false);
                boolean caughtUp = records.isEmpty() && caughtUp();
                boolean idle = caughtUp && pending.isEmpty()
                        && buffers.values().stream().allMatch(PartitionBuffer::isEmpty);
                if (cleanedUp && (now - lastMaintenanceMillis >= settings.maintenanceInterval().toMillis()
                        || idle && !passedWhileIdle)) {
                    maintenance(caughtUp);
                    lastMaintenanceMillis = now;
                    passedWhileIdle |= idle;
                }
            }
            drain();
        } catch (RuntimeException | Error e) {
            failed = true; // leave the group without writing or committing anything more: a restart recovers
            health = SinkHealth.down("failed: " + e.getMessage());
            throw e;
        } finally {
            consumer.close();
            writers.shutdownNow();
            deadLetters.close();
            decoder.close();
            // After the close: leaving the group revokes the partitions, and the revocation reports health anew.
            if (!failed) {
                health = SinkHealth.down("stopped");
            }
            stopped.countDown();
        }
    }

    /**
     * Compacts closed days and applies retention. Every pending flush is finished and committed first: the
     * compactor must only ever see committed files (a merged file is never rewritten by re-consumption). Records
     * still buffered are no files yet and stay buffered (flushing them here would cut parts short at every pass);
     * if their day is closed they become parts beside its compacted file, merged by a later pass.
     */
    private DayCompactor.Result maintenance(boolean caughtUp) {
        finishPending();
        DayCompactor.Result result = compactor.compactClosedDays(closingTime(caughtUp));
        try {
            retention.apply();
        } catch (IOException e) {
            LOG.error("Retention failed: {}", e.getMessage());
        }
        return result;
    }

    /**
     * The time days close by: the latest event time seen, or, once the sink has consumed everything there is, the
     * wall clock if that is later. Otherwise a caught-up sink would never close the day its last record fell on
     * (and a restarted one, having seen no record yet, no day at all). A record that still arrives for a day so
     * closed becomes a new part, merged by a later pass.
     */
    private Instant closingTime(boolean caughtUp) {
        Instant now = clock.instant();
        return caughtUp && now.isAfter(watermark) ? now : watermark;
    }

    /** Whether nothing is left to fetch on any assigned partition, as far as the last fetches tell. */
    private boolean caughtUp() {
        var assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        for (TopicPartition tp : assigned) {
            var lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** What a killed predecessor left (hidden temporary files, a half-done compaction), before anything else. */
    private void removeLeftovers() {
        try {
            leftovers.removeAtStart();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files a crash left under " + settings.dataDir(), e);
        }
    }

    private Duration pollTimeout() {
        return Duration.ofMillis(Math.max(10, Math.min(200, settings.flushInterval().toMillis() / 2)));
    }

    private void accept(ConsumerRecord<byte[], byte[]> record, long now) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (registryOutage.isPaused(tp)) {
            return; // a later record of a partition rewound to the one that waits for the registry
        }
        PartitionBuffer buffer = buffers.computeIfAbsent(tp, p -> new PartitionBuffer(p,
                SinkTopic.of(p.topic()).orElseThrow().kind()));
        ExperienceRow row = null;
        try {
            row = decoder.decode(record);
            if (row.eventTime().isAfter(watermark)) {
                watermark = row.eventTime();
            }
        } catch (SchemaRegistryUnavailableException e) {
            waitForRegistry(record, e);
            return;
        } catch (EventDecoder.UndecodableRecordException e) {
            LOG.warn("Sending {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic() + ".dlq", e.getMessage());
            deadLetters.send(record, e);
            stats.deadLettered(record.topic());
        }
        if (registryOutage.decoded(record)) {
            LOG.info("The schema registry answers again: {} resumes at offset {}", tp, record.offset());
            updateHealth();
        }
        buffer.add(record.offset(), row, now);
        if (consuming.add(tp)) {
            LOG.info("Consuming {} from offset {}", tp, record.offset());
        }
    }

    /**
     * The record is fine but its schema could not be fetched: rewind its partition to it and pause the partition
     * for a backoff. Nothing of the partition from this record on is buffered, so no commit passes it; what was
     * buffered before it is still written and committed.
     */
    private void waitForRegistry(ConsumerRecord<byte[], byte[]> record, SchemaRegistryUnavailableException e) {
        Duration backoff = registryOutage.retryLater(record, e);
        stats.registryUnavailable();
        LOG.warn("Waiting {} ms for the schema registry before retrying {}-{}@{}: {}", backoff.toMillis(),
                record.topic(), record.partition(), record.offset(), e.getMessage());
        updateHealth();
    }

    private void updateHealth() {
        health = registryOutage.state().longest()
                .map(w -> SinkHealth.down(registryOutage.waiting() + " partition(s) waiting for the schema registry since "
                        + w.getValue().since() + " (" + w.getKey() + " at offset " + w.getValue().offset() + ", "
                        + w.getValue().attempts() + " attempt(s)): " + w.getValue().reason()))
                .orElse(SinkHealth.consuming());
    }

    private void flushDue(long now) {
        for (PartitionBuffer buffer : new ArrayList<>(buffers.values())) {
            if (buffer.isDue(settings.flushRecords(), settings.flushInterval().toMillis(), now)) {
                submit(buffer);
            }
        }
    }

    /**
     * Hands a partition's buffer to the writers (which publish its files) and starts a fresh one, so that
     * decoding the next records overlaps with writing these. Offsets are committed only once the files are out.
     */
    private void submit(PartitionBuffer buffer) {
        while (pending.size() >= MAX_PENDING_FLUSHES) {
            commitCompleted(true);
        }
        buffers.put(buffer.partition(), new PartitionBuffer(buffer.partition(), buffer.kind()));
        pending.addLast(new PendingFlush(buffer, writers.submit(() -> writer.write(buffer))));
    }

    /**
     * Commits the offsets of the flushes that are done, oldest first: a flush behind an unfinished older one waits
     * for it, so a committed offset always means that every earlier flush of its partition is published. With
     * {@code waitForOldest}, first waits for the oldest pending flush.
     *
     * <p>These commits are asynchronous: a synchronous one stalls the consumer thread for a round trip to the
     * group coordinator, and while it stalls no fetch is sent or received. Losing one (a crash before it lands)
     * only means re-consuming records whose files exist: the next owner deletes files past the committed offset on
     * assignment and writes them again under the same names. {@link #drain()} commits synchronously.
     */
    private void commitCompleted(boolean waitForOldest) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        boolean wait = waitForOldest;
        while (!pending.isEmpty() && (wait || pending.peekFirst().result().isDone())) {
            PendingFlush flush = pending.removeFirst();
            FlushResult result = await(flush);
            stats.flushed(flush.buffer().kind(), result.rows(), result.files().size(), clock.instant());
            offsets.put(flush.buffer().partition(), new OffsetAndMetadata(flush.buffer().lastOffset() + 1));
            wait = false;
        }
        if (offsets.isEmpty()) {
            return;
        }
        deadLetters.flush();
        committedAsync.putAll(offsets);
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                LOG.warn("An offset commit failed ({}); a later commit or the next owner's clean-up covers it: {}",
                        error.getClass().getSimpleName(), error.getMessage());
            }
        });
    }

    private FlushResult await(PendingFlush flush) {
        PartitionBuffer b = flush.buffer();
        try {
            return flush.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the files of " + b.partition() + " offsets " + b.firstOffset()
                    + ".." + b.lastOffset() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + b.partition(), e);
        }
    }

    /** Flushes every buffer, waits for every pending flush and commits: nothing is left uncommitted. */
    private void drain() {
        for (PartitionBuffer buffer : new ArrayList<>(buffers.values())) {
            if (!buffer.isEmpty()) {
                submit(buffer);
            }
        }
        finishPending();
    }

    /** Waits for every flush handed to the writers and commits them all: every file written is then committed. */
    private void finishPending() {
        while (!pending.isEmpty()) {
            commitCompleted(true);
        }
        commitSync(Map.copyOf(committedAsync));
        committedAsync.clear();
    }

    /** Makes the latest offsets durable before the partitions change hands or the sink stops. */
    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        while (true) {
            try {
                consumer.commitSync(offsets);
                return;
            } catch (WakeupException e) {
                // close() woke the consumer up while we were not polling; this commit must still happen.
            }
        }
    }

    /** Stops consuming; the thread in {@link #run()} publishes what is buffered, commits and returns. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
        }
    }

    /** Waits until {@link #run()} has returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (failed) {
                return;
            }
            // Still ours until this returns: publish and commit, so the next owner starts where our files end.
            drain();
            partitions.forEach(buffers::remove);
            registryOutage.forget(partitions);
            updateHealth();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: committing would fail. What we buffered or were writing is consumed again
            // by the new owner; files our writer still publishes are past the committed offset, and whoever owns
            // the partition next deletes them on assignment.
            for (PendingFlush flush : pending) {
                try {
                    flush.result().get();
                } catch (ExecutionException e) {
                    LOG.warn("A flush of a lost partition failed: {}", e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            pending.clear();
            partitions.forEach(buffers::remove);
            partitions.forEach(committedAsync::remove);
            registryOutage.forget(partitions);
            updateHealth();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consuming.removeAll(partitions);
            for (TopicPartition tp : partitions) {
                long position = consumer.position(tp);
                try {
                    uncommitted.delete(SinkTopic.of(tp.topic()).orElseThrow().kind(), tp.partition(), position);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clean up uncommitted files of " + tp, e);
                }
            }
            cleanedUp = true;
        }
    }
}
