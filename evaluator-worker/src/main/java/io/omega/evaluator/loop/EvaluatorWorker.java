package io.omega.evaluator.loop;

import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluator;
import io.omega.evaluator.report.EvaluationReportWriter;
import io.omega.schemas.exactlyonce.SourceTransaction;
import io.omega.schemas.exactlyonce.TransactionalClients;
import io.omega.schemas.decode.RegistryOutagePause;
import io.omega.schemas.decode.SchemaRegistryUnavailableException;
import io.omega.schemas.dlq.DeadLetterRecord;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicDecoder;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluates every model the registry registers. Reads {@code omega.registry-events} from the start on every
 * assignment: events before the committed offset only rebuild what it needs to know (the production version of
 * each type, and how many candidates of each type were registered since its production model last changed: the
 * edge test's honest trial count, this candidate included), events after it are acted on. A REGISTERED event becomes one
 * {@code Evaluation} on {@code omega.evaluations} (COMPLETED with metrics, report and recommendation, or FAILED with
 * the reason: bad checksum, missing file, too little data), published with the event's offset in one transaction.
 * An undecodable event goes unchanged to {@code omega.registry-events.dlq}. The worker never stops on a bad model.
 */
public final class EvaluatorWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatorWorker.class);

    /** What the worker has published since it started. */
    public record Stats(long completed, long failed, long deadLettered) {
    }

    private final EvaluatorSettings settings;
    private final ModelEvaluator evaluator;
    private final EvaluationReportWriter reports;
    private final Path dataDir;
    private final Consumer<byte[], byte[]> consumer;
    private final RegistryOutagePause registryOutage;
    private final Producer<byte[], byte[]> producer;
    private final SourceTransaction transaction;
    private final Serializer<SpecificRecord> values;
    private final TopicDecoder<RegistryEvent> events;
    private final EvaluationRecords records;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    // Loop-thread state, rebuilt from the topic's start on every assignment.
    private final Map<String, String> production = new HashMap<>();
    private final Map<String, Integer> triedSinceProductionChange = new HashMap<>();
    private final Map<TopicPartition, Long> actFrom = new HashMap<>();

    private volatile boolean stopping;

    public EvaluatorWorker(EvaluatorSettings settings, ModelEvaluator evaluator, EvaluationReportWriter reports,
                           Path dataDir, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                           OmegaSerdes serdes, Clock clock) {
        this.settings = settings;
        this.evaluator = evaluator;
        this.reports = reports;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.consumer = consumer;
        this.registryOutage = new RegistryOutagePause(consumer, clock);
        this.producer = producer;
        this.transaction = new SourceTransaction(producer, consumer, "evaluator");
        this.values = serdes.valueSerializer(SpecificRecord.class);
        this.events = TopicDecoder.of(Topics.REGISTRY_EVENTS, serdes);
        this.records = new EvaluationRecords(clock);
    }

    public static EvaluatorWorker create(EvaluatorSettings settings, ModelEvaluator evaluator, Path dataDir,
                                         OmegaSerdes serdes, Clock clock) {
        String clientId = settings.clientIdPrefix() + "-evaluator-" + EventIds.next().substring(24);
        Map<String, Object> consumerProps = TransactionalClients.consumer(settings.bootstrapServers(),
                settings.groupId(), clientId, 100, settings.maxPollInterval());
        Map<String, Object> producerProps = TransactionalClients.producer(settings.bootstrapServers(), clientId);
        return new EvaluatorWorker(settings, evaluator, new EvaluationReportWriter(dataDir), dataDir,
                new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer()), serdes, clock);
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.REGISTRY_EVENTS.name()), new ReplayFromStart());
            while (!stopping) {
                registryOutage.resumeDue();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (registryOutage.isPaused(record)) {
                        continue; // rewound to an earlier record that waits for the schema registry
                    }
                    if (!handle(record)) {
                        break; // rewound after an aborted transaction: the rest of this batch comes again
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            close(consumer::close);
            close(producer::close);
            stopped.countDown();
        }
    }

    public Stats stats() {
        return new Stats(completed.get(), failed.get(), deadLettered.get());
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the transaction was aborted and the consumer rewound. */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        boolean act = record.offset() >= actFrom.getOrDefault(partition, 0L);
        RegistryEvent event;
        try {
            event = events.decode(record);
        } catch (SchemaRegistryUnavailableException e) {
            // Nothing is wrong with the event, and state is rebuilt from every event: read it again later.
            Duration backoff = registryOutage.retryLater(record, e);
            LOG.warn("registry event at {}-{}@{} waits {} ms for the schema registry: {}", record.topic(),
                    record.partition(), record.offset(), backoff.toMillis(), e.getMessage());
            return true;
        } catch (SerializationException e) {
            if (!act) {
                return true;
            }
            boolean published = publish(record, List.of(DeadLetterRecord.of(record, e)));
            if (published) {
                deadLettered.incrementAndGet();
            }
            return published;
        }
        if (registryOutage.decoded(record)) {
            LOG.info("the schema registry answers again: {} resumes", partition);
        }
        String type = event.getModelType();
        switch (event.getEventType()) {
            case PROMOTED, ROLLED_BACK -> {
                production.put(type, event.getVersion());
                // A new champion starts a new search: the trials that count are the candidates tried against it.
                triedSinceProductionChange.put(type, 0);
            }
            case REGISTERED -> triedSinceProductionChange.merge(type, 1, Integer::sum);
            default -> {
            }
        }
        if (!act) {
            return true;
        }
        if (event.getEventType() != RegistryEventType.REGISTERED) {
            return publish(record, List.of()); // nothing to say; the offset moves on
        }
        Evaluation evaluation = evaluate(event);
        boolean published = publish(record, List.of(new ProducerRecord<>(Topics.EVALUATIONS.name(),
                type.getBytes(StandardCharsets.UTF_8), values.serialize(Topics.EVALUATIONS.name(), evaluation))));
        if (published) {
            (evaluation.getError() == null ? completed : failed).incrementAndGet();
        }
        return published;
    }

    private Evaluation evaluate(RegistryEvent event) {
        String type = event.getModelType();
        String version = event.getVersion();
        Optional<String> baseline = Optional.ofNullable(production.get(type));
        try {
            EvaluationOutcome outcome = evaluator.evaluateModel(type, version, baseline, settings.daysBack(),
                    Math.max(1, triedSinceProductionChange.getOrDefault(type, 1)), true, stage -> { });
            EvaluationReportWriter.Report report = reports.saveEvaluationReport(outcome);
            LOG.info("evaluated {} {} against {}: {} ({} trades, win rate {}, Sharpe {})", type, version,
                    baseline.orElse("no production model"), outcome.recommendation(),
                    outcome.candidate().metrics().totalTrades(), outcome.candidate().metrics().winRate(),
                    outcome.candidate().metrics().sharpeRatio());
            return records.completed(outcome, dataDir.relativize(report.markdown().toAbsolutePath().normalize())
                    .toString());
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("evaluation of {} {} failed: {}", type, version, reason);
            return records.failed(type, version, baseline.orElse(null), reason);
        }
    }

    private boolean publish(ConsumerRecord<byte[], byte[]> source, List<ProducerRecord<byte[], byte[]>> outputs) {
        TopicPartition partition = new TopicPartition(source.topic(), source.partition());
        if (transaction.publish(source, outputs)) {
            actFrom.put(partition, source.offset() + 1);
            return true;
        }
        if (consumer.assignment().contains(partition)) {
            consumer.seekToBeginning(List.of(partition)); // state is rebuilt; acting resumes at the commit
            production.clear();
            triedSinceProductionChange.clear();
        }
        return false;
    }

    private static void close(Runnable closer) {
        try {
            closer.run();
        } catch (RuntimeException e) {
            LOG.debug("closing", e);
        }
    }

    /** Every assignment reads from the start: what came before the commit rebuilds state, the rest is acted on. */
    private final class ReplayFromStart implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                actFrom.put(p, c == null ? 0L : c.offset());
            }
            production.clear();
            triedSinceProductionChange.clear();
            consumer.seekToBeginning(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(actFrom::remove);
            registryOutage.forget(partitions);
        }
    }
}
