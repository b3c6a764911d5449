package io.omega.controller.retrain;

import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.id.EventIds;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Asks for training when enough has happened since the last time: {@code minTrades} outcomes (TRADE_COUNT), or
 * {@code interval} of wall-clock time with at least one new outcome (SCHEDULE). Every model type is kept trained
 * on the same new data. A type with a request still running gets no second one: the request stays in flight until
 * its {@code TrainingResult} arrives, whatever its status.
 *
 * <p>Input: outcomes and training results, both re-keyed to one key so that a single task sees them in order.
 */
final class RetrainTrigger implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainTrigger.class);
    static final String STORE = "retrain-state";
    static final String REQUESTED_BY = "controller";

    private final RetrainSettings settings;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, RetrainState> states;

    RetrainTrigger(RetrainSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
        context.schedule(settings.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::checkSchedule);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Outcome outcome) {
            for (String type : settings.modelTypes()) {
                RetrainState state = state(type).withOutcome();
                states.put(type, state);
                if (settings.enabled() && !state.inFlight() && state.outcomesSince() >= settings.minTrades()) {
                    request(type, state, TrainingReason.TRADE_COUNT, record.timestamp(), outcome.getEventTime(),
                            state.outcomesSince() + " outcomes since the last training request (threshold "
                                    + settings.minTrades() + ")");
                }
            }
        } else if (record.value() instanceof TrainingResult result) {
            RetrainState state = state(result.getModelType());
            if (state.inFlight() && state.inFlightRequestId().equals(result.getRequestId())) {
                states.put(result.getModelType(), state.finished());
                LOG.info("training {} for {} finished: {}", result.getRequestId(), result.getModelType(),
                        result.getStatus());
            }
        }
    }

    private void checkSchedule(long now) {
        if (!settings.enabled()) {
            return;
        }
        for (String type : settings.modelTypes()) {
            RetrainState state = state(type);
            boolean due = state.lastRequestMillis() < 0 || now - state.lastRequestMillis() >= settings.interval().toMillis();
            if (due && !state.inFlight() && state.outcomesSince() > 0) {
                request(type, state, TrainingReason.SCHEDULE, now, null, String.format(Locale.ROOT,
                        "%d new outcome(s) and %s since the last training request", state.outcomesSince(),
                        state.lastRequestMillis() < 0 ? "no request yet" : (now - state.lastRequestMillis()) / 60_000
                                + " min"));
            }
        }
    }

    /**
     * @param dataUpTo the closing time of the trade that made the count, so that the training learns from what was
     *                 logged up to it however late it runs (null on a schedule: everything on file)
     */
    private void request(String type, RetrainState state, TrainingReason reason, long atMillis, Instant dataUpTo,
                         String why) {
        var t = settings.training();
        Instant at = Instant.ofEpochMilli(atMillis);
        TrainingRequest request = new TrainingRequest(EventIds.next(atMillis), at, type, t.daysBack(), t.epochs(),
                t.batchSize(), t.windowSize(), t.predictionHorizon(), TargetType.valueOf(t.targetType().name()), reason,
                REQUESTED_BY, dataUpTo);
        states.put(type, state.requested(request.getId(), atMillis));
        LOG.info("requesting training of {} ({}): {}", type, reason, why);
        context.forward(new Record<>(type, request, atMillis));
        context.forward(new Record<>(type, new ControllerEvent(EventIds.next(atMillis), at,
                ControllerEventType.RETRAIN_TRIGGERED, type, null, reason + ": " + why,
                Map.of("request_id", request.getId(), "outcomes_since_last", Long.toString(state.outcomesSince()))),
                atMillis));
    }

    private RetrainState state(String type) {
        RetrainState s = states.get(type);
        return s == null ? RetrainState.INITIAL : s;
    }
}
