package io.omega.experience;

import io.omega.config.KafkaConfig;
import io.omega.experience.buffer.ExperienceBuffer;
import io.omega.experience.publish.CloseReport;
import io.omega.experience.publish.Envelope;
import io.omega.experience.publish.KafkaPublisher;
import io.omega.experience.publish.ProducerProperties;
import io.omega.experience.publish.PublisherSettings;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * What a live trading engine embeds to log its experience: every decision, execution and outcome becomes an
 * Avro record on its Kafka topic, keyed by symbol, and stays available in memory for in-process readers.
 *
 * <p>The calling thread, the engine's decision path, only builds the record and puts it on two lock-free
 * rings; it never blocks and never sees a Kafka exception. Delivery, retries and the outage policy are
 * {@link KafkaPublisher}'s. Invalid arguments (a missing symbol, a NaN price) are the caller's bug and are
 * refused at once with an {@link IllegalArgumentException} naming the argument.
 *
 * <p>A backfill records through the same methods with {@link EventOrigin#BACKFILL} (derived ids, every event marked
 * backfilled) and the ids already in the experience files, which are not published again.
 */
public final class ExperienceRecorder implements AutoCloseable {

    private final ExperienceBuffer<SpecificRecord> buffer;
    private final KafkaPublisher<SpecificRecord> publisher;
    private final Clock clock;
    private final Duration closeTimeout;
    private final EventOrigin origin;
    private final Predicate<String> alreadyLogged;
    private final LongAdder decisions = new LongAdder();
    private final LongAdder executions = new LongAdder();
    private final LongAdder outcomes = new LongAdder();

    public ExperienceRecorder(ExperienceBuffer<SpecificRecord> buffer, KafkaPublisher<SpecificRecord> publisher,
                              Clock clock, Duration closeTimeout) {
        this(buffer, publisher, clock, closeTimeout, EventOrigin.LIVE, id -> false);
    }

    /**
     * @param origin        how events are identified and whether they are marked backfilled
     * @param alreadyLogged ids of events already logged: an event with one of them is not published again (its id is
     *                      still returned, for the events that refer to it)
     */
    public ExperienceRecorder(ExperienceBuffer<SpecificRecord> buffer, KafkaPublisher<SpecificRecord> publisher,
                              Clock clock, Duration closeTimeout, EventOrigin origin, Predicate<String> alreadyLogged) {
        this.buffer = buffer;
        this.publisher = publisher;
        this.clock = clock;
        this.closeTimeout = closeTimeout;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.alreadyLogged = Objects.requireNonNull(alreadyLogged, "alreadyLogged");
    }

    /**
     * A recorder publishing to the cluster {@code kafka} names, through its own idempotent producer.
     *
     * @param valueSerializer the schema-registry Avro serializer for record values
     */
    public static ExperienceRecorder create(KafkaConfig kafka, int experienceBufferSize,
                                            Serializer<SpecificRecord> valueSerializer, Clock clock) {
        return create(kafka, experienceBufferSize, valueSerializer, clock, EventOrigin.LIVE, id -> false);
    }

    /** The same, for events of {@code origin}, leaving out those {@code alreadyLogged}. */
    public static ExperienceRecorder create(KafkaConfig kafka, int experienceBufferSize,
                                            Serializer<SpecificRecord> valueSerializer, Clock clock,
                                            EventOrigin origin, Predicate<String> alreadyLogged) {
        var producerConfig = kafka.producer();
        PublisherSettings settings = new PublisherSettings(producerConfig.publishQueueCapacity(),
                producerConfig.maxInFlightRecords(), Duration.ofMillis(producerConfig.dropLogIntervalMs()));
        String clientId = kafka.clientIdPrefix() + "-experience-" + EventIds.next().substring(24);
        KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                ProducerProperties.forExperiences(kafka, clientId), new StringSerializer(), valueSerializer);
        KafkaPublisher<SpecificRecord> publisher = new KafkaPublisher<>(settings, producer, clientId + "-publisher");
        return new ExperienceRecorder(new ExperienceBuffer<>(experienceBufferSize), publisher, clock,
                Duration.ofMillis(producerConfig.closeTimeoutMs()), origin, alreadyLogged);
    }

    /** Logs a decision taken now; returns its id (for the execution that may follow). */
    public String recordDecision(String symbol, Map<String, Double> marketFeatures, AiDecision decision) {
        return recordDecision(clock.millis(), symbol, marketFeatures, decision);
    }

    /**
     * Logs a decision taken at {@code eventTimeMillis} (a replay's market time, for instance).
     * {@code marketFeatures} is taken as given, not copied: do not change the map after the call.
     */
    public String recordDecision(long eventTimeMillis, String symbol, Map<String, Double> marketFeatures,
                                 AiDecision decision) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(marketFeatures, "marketFeatures");
        Objects.requireNonNull(decision, "decision");
        String id = origin.decisionId(eventTimeMillis, symbol, decision);
        if (alreadyLogged.test(id)) {
            return id;
        }
        Decision record = new Decision(id, Instant.ofEpochMilli(eventTimeMillis), symbol, decision.price(),
                marketFeatures, decision.direction(), decision.confidence(), decision.classProbabilities(),
                decision.modelType(), decision.modelVersion(), decision.shadow(), origin.backfilled());
        decisions.increment();
        emit(Topics.DECISIONS.name(), symbol, record);
        return id;
    }

    /** Records one decision: the symbol, the market features the model saw and what it decided. */
    public String addDecision(String symbol, Map<String, Double> marketFeatures, AiDecision decision) {
        return recordDecision(symbol, marketFeatures, decision);
    }

    public String recordExecution(TradeOpened trade) {
        return recordExecution(clock.millis(), trade);
    }

    public String recordExecution(long eventTimeMillis, TradeOpened trade) {
        Objects.requireNonNull(trade, "trade");
        String id = origin.executionId(eventTimeMillis, trade);
        if (alreadyLogged.test(id)) {
            return id;
        }
        Execution record = new Execution(id, trade.tradeId(), trade.decisionId(), Instant.ofEpochMilli(eventTimeMillis),
                trade.symbol(), trade.direction(), trade.entryPrice(), trade.size(), trade.stopLoss(),
                trade.takeProfit(), trade.fee(), trade.slippage(), trade.modelType(), trade.modelVersion(), trade.mode(),
                origin.backfilled());
        executions.increment();
        emit(Topics.EXECUTIONS.name(), trade.symbol(), record);
        return id;
    }

    public String recordOutcome(TradeClosed trade) {
        return recordOutcome(clock.millis(), trade);
    }

    public String recordOutcome(long eventTimeMillis, TradeClosed trade) {
        Objects.requireNonNull(trade, "trade");
        String id = origin.outcomeId(eventTimeMillis, trade);
        if (alreadyLogged.test(id)) {
            return id;
        }
        Outcome record = new Outcome(id, trade.tradeId(), Instant.ofEpochMilli(eventTimeMillis), trade.symbol(),
                trade.exitPrice(), trade.pnl(), trade.pnlPct(), trade.duration().toMillis(), trade.exitReason(),
                trade.modelType(), trade.modelVersion(), origin.backfilled());
        outcomes.increment();
        emit(Topics.OUTCOMES.name(), trade.symbol(), record);
        return id;
    }

    /** Up to {@code n} most recent experiences of any kind, oldest first. */
    public List<SpecificRecord> recent(int n) {
        return buffer.recent(n);
    }

    public ExperienceStats stats() {
        return new ExperienceStats(decisions.sum(), executions.sum(), outcomes.sum(),
                Math.min(buffer.added(), buffer.size()), publisher.stats());
    }

    /** Sends what is still queued, waiting at most {@code timeout}, and says what could not be delivered. */
    public CloseReport close(Duration timeout) {
        return publisher.close(timeout);
    }

    @Override
    public void close() {
        close(closeTimeout);
    }

    private void emit(String topic, String key, SpecificRecord record) {
        buffer.add(record);
        publisher.publish(new Envelope<>(topic, key, record));
    }
}
