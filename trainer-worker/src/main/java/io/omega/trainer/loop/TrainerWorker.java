package io.omega.trainer.loop;

import io.omega.schemas.exactlyonce.SourceTransaction;
import io.omega.schemas.exactlyonce.TransactionalClients;
import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.Topics;
import io.omega.trainer.job.CandidateTrainer;
import io.omega.trainer.job.InvalidTrainingRequestException;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns training requests into results and registered candidates.
 *
 * <p>Training takes minutes, far beyond any sane {@code max.poll.interval.ms}, so it runs on its own thread
 * while this loop pauses every assigned partition and keeps polling: the consumer stays in its group, nothing
 * new is fetched, and a rebalance during training is noticed at once (a request whose partition moved away is
 * abandoned; its new owner trains it).
 *
 * <p>Each request ends in one Kafka transaction holding its {@code TrainingResult}, the REGISTER command for a
 * trained model, and the request's offset. A crash before the commit leaves the request uncommitted, so it is
 * trained again; after the commit it is never handled twice. A request that cannot be decoded goes unchanged to
 * {@code omega.training-requests.dlq}; one that decodes but asks for nonsense gets a FAILED result naming the bad
 * fields. A failed run (no data, NaN loss, full disk) gets a FAILED result with the reason and registers nothing.
 */
public final class TrainerWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerWorker.class);

    /** What the worker has done since it started. */
    public record Stats(long succeeded, long failed, long deadLettered, long abandoned) {
    }

    private sealed interface Run permits Trained, Failed, Abandoned {
    }

    private record Trained(TrainedCandidate candidate) implements Run {
    }

    private record Failed(Throwable error) implements Run {
    }

    private record Abandoned(String why) implements Run {
    }

    private final TrainerSettings settings;
    private final CandidateTrainer trainer;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final SourceTransaction transaction;
    private final Serializer<SpecificRecord> values;
    private final TopicDecoder<TrainingRequest> requests;
    private final TrainingOutcomes outcomes;
    private final RegistryOutagePause registryOutage;
    private final ExecutorService trainingThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    // Loop-thread state; rebalance callbacks run inside poll(), on the loop thread.
    private boolean training;
    private final Set<TopicPartition> lostWhileTraining = new HashSet<>();

    private volatile boolean stopping;

    public TrainerWorker(TrainerSettings settings, CandidateTrainer trainer, Consumer<byte[], byte[]> consumer,
                         Producer<byte[], byte[]> producer, Serializer<SpecificRecord> values,
                         TopicDecoder<TrainingRequest> requests, Clock clock) {
        this.settings = settings;
        this.trainer = trainer;
        this.consumer = consumer;
        this.producer = producer;
        this.transaction = new SourceTransaction(producer, consumer, "trainer");
        this.values = values;
        this.requests = requests;
        this.outcomes = new TrainingOutcomes(clock);
        this.registryOutage = new RegistryOutagePause(consumer, clock);
        this.trainingThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, settings.clientIdPrefix() + "-training");
            t.setDaemon(true);
            return t;
        });
    }

    /** A worker with its own consumer (group {@code settings.groupId()}) and transactional producer. */
    public static TrainerWorker create(TrainerSettings settings, OmegaSerdes serdes, CandidateTrainer trainer,
                                       Clock clock) {
        String clientId = settings.clientIdPrefix() + "-trainer-" + EventIds.next().substring(24);
        // One request at a time: a training run is long, and nothing else should wait in memory behind it.
        Map<String, Object> consumerProps = TransactionalClients.consumer(settings.bootstrapServers(),
                settings.groupId(), clientId, 1, settings.maxPollInterval());
        Map<String, Object> producerProps = TransactionalClients.producer(settings.bootstrapServers(), clientId);
        return new TrainerWorker(settings, trainer,
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer()),
                serdes.valueSerializer(SpecificRecord.class), TopicDecoder.of(Topics.TRAINING_REQUESTS, serdes), clock);
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.TRAINING_REQUESTS.name()), new PauseWhileTraining());
            LOG.info("trainer worker waiting for training requests on {}", Topics.TRAINING_REQUESTS.name());
            while (!stopping) {
                registryOutage.resumeDue();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.pollTimeout())) {
                    if (!registryOutage.isPaused(record)) {
                        handle(record);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            trainingThread.shutdownNow();
            closeQuietly();
            stopped.countDown();
        }
    }

    public Stats stats() {
        return new Stats(succeeded.get(), failed.get(), deadLettered.get(), abandoned.get());
    }

    /** Stops polling, abandons a run in progress (its request stays uncommitted) and closes the clients. */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("trainer worker did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        TrainingRequest request;
        try {
            request = requests.decode(record);
        } catch (SchemaRegistryUnavailableException e) {
            // Nothing is wrong with the request: read it again once the registry answers, never dead-letter it.
            Duration backoff = registryOutage.retryLater(record, e);
            LOG.warn("training request at {}-{}@{} waits {} ms for the schema registry: {}", record.topic(),
                    record.partition(), record.offset(), backoff.toMillis(), e.getMessage());
            return;
        } catch (SerializationException e) {
            LOG.warn("training request at {}-{}@{} cannot be decoded, sent to the dead-letter topic: {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            if (publish(record, List.of(DeadLetterRecord.of(record, e)))) {
                deadLettered.incrementAndGet();
            }
            return;
        }
        if (registryOutage.decoded(record)) {
            LOG.info("the schema registry answers again: training requests of {}-{} resume", record.topic(),
                    record.partition());
        }
        TrainingJob job;
        try {
            job = TrainingJob.from(request);
        } catch (InvalidTrainingRequestException e) {
            LOG.warn("{}", e.getMessage());
            if (publish(record, List.of(result(outcomes.failed(request, e.getMessage()))))) {
                failed.incrementAndGet();
            }
            return;
        }
        LOG.info("training {} for request {} ({} epochs, window {}, horizon {}, {} days back)", job.modelType(),
                job.requestId(), job.epochs(), job.windowSize(), job.predictionHorizon(), job.daysBack());
        Run run = trainWhilePolling(job, new TopicPartition(record.topic(), record.partition()));
        if (run instanceof Trained t) {
            TrainedCandidate c = t.candidate();
            if (publish(record, List.of(result(outcomes.succeeded(job, c)), command(outcomes.register(job, c))))) {
                succeeded.incrementAndGet();
                LOG.info("trained {} {} for request {}: {}", c.modelType(), c.version(), job.requestId(), c.metrics());
            }
        } else if (run instanceof Failed f) {
            String reason = TrainingOutcomes.describe(f.error());
            LOG.warn("training for request {} failed: {}", job.requestId(), reason);
            if (publish(record, List.of(result(outcomes.failed(request, reason))))) {
                failed.incrementAndGet();
            }
        } else if (run instanceof Abandoned a) {
            abandoned.incrementAndGet();
            LOG.info("training for request {} abandoned: {}", job.requestId(), a.why());
        }
    }

    private Run trainWhilePolling(TrainingJob job, TopicPartition source) {
        Future<TrainedCandidate> run = trainingThread.submit(() -> trainer.train(job));
        training = true;
        consumer.pause(consumer.assignment());
        try {
            while (!run.isDone()) {
                consumer.poll(settings.pollTimeout()); // returns nothing: every partition is paused
                if (stopping) {
                    return new Abandoned("the worker is stopping; the request stays uncommitted");
                }
                if (lostWhileTraining.contains(source)) {
                    return new Abandoned("partition " + source + " moved to another worker, which trains it");
                }
            }
            return new Trained(run.get());
        } catch (ExecutionException e) {
            return new Failed(e.getCause());
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
            return new Abandoned("the worker is stopping; the request stays uncommitted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Abandoned("interrupted");
        } finally {
            if (!run.isDone()) {
                run.cancel(true);
            }
            training = false;
            lostWhileTraining.clear();
            // A partition waiting for the schema registry stays paused until its own backoff is over.
            consumer.resume(consumer.assignment().stream().filter(p -> !registryOutage.isPaused(p)).toList());
        }
    }

    /**
     * Sends {@code outputs} and commits the source record's offset in one transaction. False when the transaction
     * was aborted; the record is then read again (and, being deterministic for decode and validation failures, ends
     * the same way; a trained model is retrained under a new version, the aborted one never registered).
     */
    private boolean publish(ConsumerRecord<byte[], byte[]> source, List<ProducerRecord<byte[], byte[]>> outputs) {
        if (transaction.publish(source, outputs)) {
            return true;
        }
        TopicPartition partition = new TopicPartition(source.topic(), source.partition());
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, source.offset());
        }
        return false;
    }

    private ProducerRecord<byte[], byte[]> result(TrainingResult result) {
        return record(Topics.TRAINING_RESULTS.name(), result.getModelType(), result);
    }

    private ProducerRecord<byte[], byte[]> command(RegistryCommand command) {
        return record(Topics.REGISTRY_COMMANDS.name(), command.getModelType(), command);
    }

    private ProducerRecord<byte[], byte[]> record(String topic, String key, SpecificRecord value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), values.serialize(topic, value));
    }

    private void closeQuietly() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the consumer", e);
        }
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the producer", e);
        }
    }

    /** Keeps partitions assigned during a run paused, and notes the ones taken away. */
    private final class PauseWhileTraining implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (training) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            registryOutage.forget(partitions);
            if (training) {
                lostWhileTraining.addAll(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
