package io.omega.controller.monitor;

import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.id.EventIds;
import org.apache.avro.specific.SpecificRecord;
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
 * Keeps the last {@code windowTrades} live results of every model version and watches production's: once its
 * window is full and its live win rate is {@code winRateDrop} points or more below its evaluated win rate, it
 * reports DEGRADATION_DETECTED and, when allowed, asks the registry for a ROLLBACK. One report per degradation:
 * the next comes only after the live win rate has recovered above the line and fallen again.
 *
 * <p>Input is keyed by model type (repartitioned), so one task owns every outcome of a type, in order. A trade
 * wins when its PnL, fees included, is above zero; a break-even trade is not a win, as in the backtest metrics.
 */
final class DegradationMonitor implements Processor<String, Outcome, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(DegradationMonitor.class);
    static final String STORE = "live-windows";
    static final String ACTOR = "controller";

    private final MonitorSettings settings;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, WatchState> live;
    private KeyValueStore<String, String> production;
    private KeyValueStore<String, Double> evaluated;

    DegradationMonitor(MonitorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.live = context.getStateStore(STORE);
        this.production = context.getStateStore(ProductionVersions.STORE);
        this.evaluated = context.getStateStore(EvaluatedWinRates.STORE);
    }

    @Override
    public void process(Record<String, Outcome> record) {
        Outcome outcome = record.value();
        String type = outcome.getModelType();
        String version = outcome.getModelVersion();
        String key = ModelKey.of(type, version);
        WatchState state = live.get(key);
        RollingWinRate window = state == null ? new RollingWinRate(settings.windowTrades())
                : state.window().resized(settings.windowTrades());
        boolean alerted = state != null && state.alerted();
        window.add(outcome.getPnl() > 0);

        Double evaluatedWinRate = evaluated.get(key);
        if (version.equals(production.get(type)) && window.isFull() && evaluatedWinRate != null) {
            boolean degraded = evaluatedWinRate - window.winRate() >= settings.winRateDrop();
            if (degraded && !alerted) {
                report(record, outcome, window, evaluatedWinRate);
                alerted = true;
            } else if (!degraded && alerted) {
                LOG.info("{} {} recovered: live win rate {} against {} evaluated", type, version,
                        pct(window.winRate()), pct(evaluatedWinRate));
                alerted = false;
            }
        }
        live.put(key, new WatchState(window, alerted));
    }

    private void report(Record<String, Outcome> record, Outcome outcome, RollingWinRate window, double evaluatedWinRate) {
        String type = outcome.getModelType();
        String version = outcome.getModelVersion();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Map<String, String> details = Map.of(
                "live_win_rate", pct(window.winRate()),
                "evaluated_win_rate", pct(evaluatedWinRate),
                "threshold_drop", pct(settings.winRateDrop()),
                "window_trades", Integer.toString(window.count()),
                "window_wins", Integer.toString(window.wins()),
                "last_trade_id", outcome.getTradeId());
        String reason = String.format(Locale.ROOT, "live win rate %s over the last %d trades is %s points below "
                        + "the evaluated %s (threshold %s)", pct(window.winRate()), window.count(),
                pct(evaluatedWinRate - window.winRate()), pct(evaluatedWinRate), pct(settings.winRateDrop()));
        LOG.warn("{} {} degraded: {}", type, version, reason);
        context.forward(record.withKey(type).withValue(new ControllerEvent(EventIds.next(record.timestamp()), at,
                ControllerEventType.DEGRADATION_DETECTED, type, version, reason, details)));
        if (!settings.rollbackOnDegradation()) {
            return;
        }
        RegistryCommand rollback = new RegistryCommand(EventIds.next(record.timestamp()), at,
                RegistryCommandType.ROLLBACK, type, null, null, null, Map.of(), Map.of(), null, null, ACTOR,
                "auto-rollback of " + version + ": " + reason);
        context.forward(record.withKey(type).withValue(rollback));
        context.forward(record.withKey(type).withValue(new ControllerEvent(EventIds.next(record.timestamp()), at,
                ControllerEventType.ROLLBACK_REQUESTED, type, version, "auto-rollback: " + reason,
                Map.of("command_id", rollback.getId()))));
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
