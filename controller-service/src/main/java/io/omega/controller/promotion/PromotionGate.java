package io.omega.controller.promotion;

import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.id.EventIds;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each completed evaluation into a decision: PROMOTION_DECLINED (with every failed criterion), or for a
 * candidate that passes, PROMOTION_PENDING when a person must approve, else a PROMOTE command to the registry and
 * PROMOTION_REQUESTED. The champion is production as the evaluator scored it on the same window, or the engine's
 * rules when there is no production model.
 * With self-learning off nothing is decided: evaluations only show on the status page.
 */
public final class PromotionGate implements Processor<String, Evaluation, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionGate.class);
    public static final String ACTOR = "controller";

    private final GateSettings settings;
    private final PromotionPolicy policy;
    private ProcessorContext<String, SpecificRecord> context;

    public PromotionGate(GateSettings settings) {
        this.settings = settings;
        this.policy = new PromotionPolicy(settings.criteria());
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Evaluation> record) {
        Evaluation evaluation = record.value();
        if (evaluation == null || evaluation.getStatus() != EvaluationStatus.COMPLETED) {
            return;
        }
        String type = evaluation.getModelType();
        String version = evaluation.getVersion();
        if (!settings.enabled()) {
            LOG.info("evaluation of {} {} noted; self-learning is off, so no promotion decision", type, version);
            return;
        }
        PromotionDecision decision = policy.checkPromotionCriteria(evaluation.getMetrics(), Champion.of(evaluation));
        Map<String, String> details = details(evaluation);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (!decision.promote()) {
            LOG.info("{} {} {}", type, version, decision.reason());
            emit(record, event(at, ControllerEventType.PROMOTION_DECLINED, type, version, decision.reason(), details));
        } else if (settings.manualApproval()) {
            LOG.info("{} {} passes every criterion; waiting for approval", type, version);
            emit(record, event(at, ControllerEventType.PROMOTION_PENDING, type, version,
                    decision.reason() + "; waiting for manual approval", details));
        } else {
            RegistryCommand promote = RegistryCommands.at(at).promote(type, version, evaluation.getMetrics(),
                    evaluation.getDataFrom(), evaluation.getDataTo(), ACTOR, "auto-promotion: " + decision.reason());
            details.put("command_id", promote.getId());
            LOG.info("{} {} passes every criterion; promoting", type, version);
            emit(record, promote);
            emit(record, event(at, ControllerEventType.PROMOTION_REQUESTED, type, version, decision.reason(), details));
        }
    }

    private static Map<String, String> details(Evaluation evaluation) {
        Map<String, String> details = new HashMap<>();
        details.put("evaluation_id", evaluation.getId());
        if (evaluation.getBaselineVersion() != null) {
            details.put("baseline_version", evaluation.getBaselineVersion());
        }
        evaluation.getMetrics().forEach((k, v) -> details.put("candidate." + k, Double.toString(v)));
        evaluation.getBaselineMetrics().forEach((k, v) -> details.put("production." + k, Double.toString(v)));
        if (evaluation.getChampionVersion() != null) {
            details.put("champion_version", evaluation.getChampionVersion());
        }
        evaluation.getChampionMetrics().forEach((k, v) -> details.put("champion." + k, Double.toString(v)));
        evaluation.getComparison().forEach((k, v) -> details.put("comparison." + k, Double.toString(v)));
        return details;
    }

    private static ControllerEvent event(Instant at, ControllerEventType type, String modelType, String version,
                                         String reason, Map<String, String> details) {
        return new ControllerEvent(EventIds.next(at.toEpochMilli()), at, type, modelType, version, reason,
                Map.copyOf(details));
    }

    private void emit(Record<String, Evaluation> record, SpecificRecord value) {
        context.forward(record.withKey(record.value().getModelType()).withValue(value));
    }
}
