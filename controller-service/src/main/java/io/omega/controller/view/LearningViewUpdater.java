package io.omega.controller.view;

import io.omega.controller.shadow.ShadowComparison;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.TopicFollower;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a {@link LearningView} and the {@link ShadowComparison} up to date from the registry events, evaluations,
 * controller events, outcomes and decisions, followed from their start (every instance builds the whole view). A
 * record it cannot decode is counted and skipped: the services that own those topics dead-letter them.
 */
public final class LearningViewUpdater implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LearningViewUpdater.class);
    private static final List<String> TOPICS = List.of(Topics.REGISTRY_EVENTS.name(), Topics.EVALUATIONS.name(),
            Topics.CONTROLLER_EVENTS.name(), Topics.OUTCOMES.name(), Topics.DECISIONS.name());

    private final LearningView view;
    private final ShadowComparison shadow;
    private final Deserializer<SpecificRecord> decoder;
    private final TopicFollower follower;
    private final AtomicLong undecodable = new AtomicLong();

    public LearningViewUpdater(LearningView view, ShadowComparison shadow, String bootstrapServers, String clientId,
                               OmegaSerdes serdes) {
        this.view = view;
        this.shadow = shadow;
        this.decoder = serdes.valueDeserializer(SpecificRecord.class);
        this.follower = new TopicFollower(TOPICS, bootstrapServers, clientId, this::apply);
    }

    public void start() {
        follower.start("omega-controller-view");
    }

    /** True once everything that was in the topics at start has been read. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    public long undecodable() {
        return undecodable.get();
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
        follower.close();
    }
}
