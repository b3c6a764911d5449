package io.omega.registry.processor;

import io.omega.registry.command.CommandDecider;
import io.omega.registry.metrics.RegistryMetrics;
import io.omega.registry.model.RegistryState;
import io.omega.schemas.decode.RecordPosition;
import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.topic.TopicDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of the event log: a transactional consume-decide-produce loop. Each batch of commands is
 * answered inside one Kafka transaction that holds both the events and the commands' consumer offsets, so a
 * command's event is committed exactly when the command counts as read. State is rebuilt from the event log at
 * start and after any aborted transaction, so it is always the fold of what was committed.
 */
public final class RegistryProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcessor.class);
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(2);

    private final ProcessorSettings settings;
    private final CommandDecider decider;
    private final RegistryMetrics metrics;
    private final TopicDecoder<RegistryCommand> commandReader;
    private final Serializer<RegistryEvent> eventWriter;
    private final EventLogReader log;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile RegistryState state = new RegistryState();
    private volatile boolean running = true;
    private volatile boolean rebuildNeeded;
    private volatile Throwable failure;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private KafkaConsumer<String, byte[]> consumer;
    /** Set with {@link #consumer}, on the loop thread. */
    private RegistryOutagePause registryOutage;

    private RegistryProcessor(ProcessorSettings settings, CommandDecider decider, RegistryMetrics metrics,
                              TopicDecoder<RegistryCommand> commandReader, Serializer<RegistryEvent> eventWriter,
                              TopicDecoder<RegistryEvent> eventReader) {
        this.settings = settings;
        this.decider = decider;
        this.metrics = metrics;
        this.commandReader = commandReader;
        this.eventWriter = eventWriter;
        this.log = new EventLogReader(settings.bootstrapServers(), settings.clientIdPrefix() + "-registry-replay",
                eventReader);
        this.thread = new Thread(this::run, "omega-registry-processor");
    }

    /**
     * Starts the loop and returns once the state has been rebuilt from the event log.
     *
     * @throws IllegalStateException when start-up fails or takes longer than {@code timeout}
     */
    public static RegistryProcessor start(ProcessorSettings settings, CommandDecider decider, RegistryMetrics metrics,
                                          TopicDecoder<RegistryCommand> commandReader,
                                          Serializer<RegistryEvent> eventWriter,
                                          TopicDecoder<RegistryEvent> eventReader, Duration timeout) {
        RegistryProcessor processor = new RegistryProcessor(settings, decider, metrics, commandReader, eventWriter,
                eventReader);
        processor.thread.start();
        try {
            if (!processor.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                processor.close();
                throw new IllegalStateException("registry processor not ready within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processor.close();
            throw new IllegalStateException("interrupted while starting the registry processor", e);
        }
        if (processor.failure != null) {
            throw new IllegalStateException("registry processor failed to start: " + processor.failure.getMessage(),
                    processor.failure);
        }
        return processor;
    }

    /** The state as of the last committed batch (read-only use). */
    public RegistryState state() {
        return state;
    }

    /** Why the loop stopped on its own, if it did (fenced by a newer instance, broker refused, ...). */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Completes when the loop has stopped: normally after {@link #close()}, with {@link #failure()} on its own. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    private void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> commands = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            consumer = commands;
            registryOutage = new RegistryOutagePause(commands, Clock.systemUTC());
            // Fences any earlier instance and aborts its unfinished transaction, so the log is stable to replay.
            producer.initTransactions();
            rebuild();
            commands.subscribe(List.of(settings.topics().commands()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                private boolean assignedBefore;

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // The replay above already follows initTransactions(), which fenced every earlier writer; a later
                    // reassignment replays again, in case the log moved while we did not hold the commands.
                    rebuildNeeded = assignedBefore && !partitions.isEmpty();
                    assignedBefore |= !partitions.isEmpty();
                }
            });
            ready.countDown();
            while (running) {
                registryOutage.resumeDue();
                ConsumerRecords<String, byte[]> records = commands.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                if (rebuildNeeded) {
                    rebuild();
                }
                process(records, producer, commands);
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("registry processor stopped: {}", e.getMessage(), e);
        } finally {
            ready.countDown();
            if (failure != null) {
                ended.completeExceptionally(failure);
            } else {
                ended.complete(null);
            }
        }
    }

    private void process(ConsumerRecords<String, byte[]> records, KafkaProducer<String, byte[]> producer,
                         KafkaConsumer<String, byte[]> commands) {
        long began = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<RegistryEvent> written = new java.util.ArrayList<>();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (registryOutage.isPaused(record)) {
                    continue; // behind a command that waits for the schema registry: read again after it
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                RegistryCommand command;
                try {
                    command = commandReader.decode(record);
                } catch (SchemaRegistryUnavailableException e) {
                    // Not the command's fault: its offset is not committed, and it is read again after a backoff.
                    Duration backoff = registryOutage.retryLater(record, e);
                    LOG.warn("command at {} waits {} ms for the schema registry: {}", RecordPosition.of(record),
                            backoff.toMillis(), e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    producer.send(deadLetter(record, e));
                    metrics.deadLettered();
                    continue;
                }
                offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
                if (state.answered(command.getId())) {
                    // The same command sent twice gets one answer: the first.
                    metrics.duplicate();
                    continue;
                }
                RegistryEvent event = decider.decide(command, state);
                producer.send(new ProducerRecord<>(settings.topics().events(), event.getModelType(),
                        eventWriter.serialize(settings.topics().events(), event)));
                // Applied now so later commands of the batch see it; an abort rebuilds from the log.
                state.apply(event);
                written.add(event);
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, commands.groupMetadata());
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // Fatal for this producer: another instance took over the transactional id, or we may not write.
            throw new IllegalStateException("registry processor cannot go on: " + e.getMessage(), e);
        } catch (KafkaException e) {
            LOG.warn("aborting a batch of {} command(s) and replaying the log: {}", records.count(), e.getMessage());
            producer.abortTransaction();
            metrics.aborted();
            for (TopicPartition partition : records.partitions()) {
                commands.seek(partition, records.records(partition).get(0).offset());
            }
            rebuild();
            return;
        }
        written.forEach(e -> metrics.written(e.getEventType()));
        metrics.committed(Duration.ofNanos(System.nanoTime() - began));
    }

    private void rebuild() {
        RegistryState rebuilt = new RegistryState();
        long count = log.replay(settings.topics().events(), rebuilt::apply, REPLAY_TIMEOUT);
        state = rebuilt;
        rebuildNeeded = false;
        LOG.info("registry state rebuilt from {} event(s) of {}", count, settings.topics().events());
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        ProducerRecord<String, byte[]> dlq = new ProducerRecord<>(settings.topics().commandsDeadLetter(), null,
                record.key(), record.value());
        Headers headers = dlq.headers();
        record.headers().forEach(headers::add);
        headers.add("omega.error", utf8(RecordPosition.of(record).describe(String.valueOf(error.getMessage()))));
        headers.add("omega.error.class", utf8(error.getClass().getName()));
        headers.add("omega.source.topic", utf8(record.topic()));
        headers.add("omega.source.partition", utf8(Integer.toString(record.partition())));
        headers.add("omega.source.offset", utf8(Long.toString(record.offset())));
        return dlq;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.clientIdPrefix() + "-registry-processor",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000,
                // A transaction begun right after a commit can be told CONCURRENT_TRANSACTIONS while the last one's
                // markers are written; the default 100 ms back-off before retrying showed as the p99 latency.
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.clientIdPrefix() + "-registry-commands",
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                // A command waits at most this long in the broker for a fetch that began before it arrived.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
