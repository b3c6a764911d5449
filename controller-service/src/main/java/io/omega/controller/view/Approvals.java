package io.omega.controller.view;

import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person asks of the controller. Approve a pending promotion: APPROVED and the PROMOTE command for the
 * registry, in one transaction (both or neither); reject it: APPROVAL_REJECTED; only a pending promotion can be
 * answered. Roll back by hand: ROLLBACK_REQUESTED and the ROLLBACK command.
 */
public final class Approvals implements AutoCloseable {

    /** What an answer produced: the controller event, and for an approval the command sent to the registry. */
    public record Answer(ControllerEvent event, Optional<RegistryCommand> command) {
    }

    private final LearningView view;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final Clock clock;
    private final RegistryCommands commands;

    public Approvals(LearningView view, String bootstrapServers, String clientId, OmegaSerdes serdes, Clock clock) {
        this.view = view;
        this.clock = clock;
        this.commands = new RegistryCommands(clock);
        Serializer<SpecificRecord> values = serdes.valueSerializer(SpecificRecord.class);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId + "-approvals",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values);
        this.producer.initTransactions();
    }

    /** Empty when nothing is pending for that version. */
    public synchronized Optional<Answer> approve(String modelType, String version, String actor) {
        Optional<LearningView.PendingApproval> pending = view.pending(modelType, version);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        RegistryCommand promote = commands.promote(modelType, version, actor,
                "approved by " + actor + ": " + pending.get().reason());
        Map<String, String> details = new HashMap<>(pending.get().details());
        details.put("command_id", promote.getId());
        details.put("approved_by", actor);
        ControllerEvent approved = new ControllerEvent(EventIds.next(now), clock.instant(), ControllerEventType.APPROVED,
                modelType, version, "approved by " + actor, details);
        send(approved, promote);
        view.apply(approved); // answered: a second click finds nothing pending, even before the topic says so
        return Optional.of(new Answer(approved, Optional.of(promote)));
    }

    /**
     * A manual rollback of one model type: a ROLLBACK command for the registry and ROLLBACK_REQUESTED,
     * in one transaction. The registry decides (and refuses with a reason when there is nothing to go back to).
     */
    public synchronized Answer rollback(String modelType, String actor, String reason) {
        long now = clock.millis();
        String why = "manual rollback by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
        RegistryCommand rollback = commands.rollback(modelType, actor, why);
        String production = view.production(modelType).map(LearningView.ModelEntry::version).orElse(null);
        ControllerEvent requested = new ControllerEvent(EventIds.next(now), clock.instant(),
                ControllerEventType.ROLLBACK_REQUESTED, modelType, production, why,
                Map.of("command_id", rollback.getId(), "requested_by", actor));
        send(requested, rollback);
        return new Answer(requested, Optional.of(rollback));
    }

    public synchronized Optional<Answer> reject(String modelType, String version, String actor, String reason) {
        if (view.pending(modelType, version).isEmpty()) {
            return Optional.empty();
        }
        ControllerEvent rejected = new ControllerEvent(EventIds.next(clock.millis()), clock.instant(),
                ControllerEventType.APPROVAL_REJECTED, modelType, version,
                "rejected by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason),
                Map.of("rejected_by", actor));
        send(rejected, null);
        view.apply(rejected);
        return Optional.of(new Answer(rejected, Optional.empty()));
    }

    private void send(ControllerEvent event, RegistryCommand command) {
        producer.beginTransaction();
        try {
            producer.send(new ProducerRecord<>(Topics.CONTROLLER_EVENTS.name(), event.getModelType(), event));
            if (command != null) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY_COMMANDS.name(), command.getModelType(), command));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
