package io.omega.controller.view;

import io.omega.controller.shadow.ShadowComparison;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a {@link LearningView} and the {@link ShadowComparison} up to date: reads the registry events, evaluations,
 * controller events, outcomes and decisions
 * from their start, committed records only, without a consumer group (every instance builds the whole view). A
 * record it cannot decode is counted and skipped: the services that own those topics dead-letter them.
 */
public final class LearningViewUpdater implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LearningViewUpdater.class);
    private static final List<String> TOPICS = List.of(Topics.REGISTRY_EVENTS.name(), Topics.EVALUATIONS.name(),
            Topics.CONTROLLER_EVENTS.name(), Topics.OUTCOMES.name(), Topics.DECISIONS.name());

    private final LearningView view;
    private final ShadowComparison shadow;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<SpecificRecord> decoder;
    private final AtomicLong undecodable = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean caughtUp;
    private volatile boolean stopping;

    public LearningViewUpdater(LearningView view, ShadowComparison shadow, String bootstrapServers, String clientId,
                               OmegaSerdes serdes) {
        this.view = view;
        this.shadow = shadow;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.decoder = serdes.valueDeserializer(SpecificRecord.class);
    }

    /** True once everything that was in the topics at start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public long undecodable() {
        return undecodable.get();
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (!caughtUp && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
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

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        SpecificRecord value;
        try {
            value = decoder.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            undecodable.incrementAndGet();
            LOG.debug("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (value instanceof RegistryEvent e) {
            view.apply(e);
        } else if (value instanceof Evaluation e) {
            view.apply(e);
        } else if (value instanceof ControllerEvent e) {
            view.apply(e);
        } else if (value instanceof Outcome o) {
            view.apply(o);
        } else if (value instanceof Decision d) {
            shadow.apply(d);
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
