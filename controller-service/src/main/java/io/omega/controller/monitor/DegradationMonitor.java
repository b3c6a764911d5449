package io.omega.controller.monitor;

import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.id.EventIds;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Watches each production model's live trades since it entered production ({@link DegradationWatch}) and, when a
 * look finds it degraded against its backtest ({@link DegradationTest}), reports DEGRADATION_DETECTED and, when
 * allowed, asks the registry for a ROLLBACK.
 *
 * <p>Input is keyed by model type (repartitioned), so one task owns every outcome of a type, in order. Outcomes of
 * versions not in production (positions of a replaced model still closing) are not kept: they cannot lead to a
 * rollback, and the version starts a fresh stint if it returns.
 */
final class DegradationMonitor implements Processor<String, Outcome, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(DegradationMonitor.class);
    static final String STORE = "live-windows";
    static final String ACTOR = "controller";

    private final MonitorSettings settings;
    private final DegradationWatch watch;
    private final MonitorProgress progress;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, WatchState> live;
    private KeyValueStore<String, Production> production;
    private KeyValueStore<String, BacktestFigures> evaluated;

    DegradationMonitor(MonitorSettings settings, MonitorProgress progress) {
        this.settings = settings;
        this.progress = progress;
        this.watch = new DegradationWatch(settings);
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.live = context.getStateStore(STORE);
        this.production = context.getStateStore(ProductionVersions.STORE);
        this.evaluated = context.getStateStore(EvaluatedBacktests.STORE);
    }

    @Override
    public void process(Record<String, Outcome> record) {
        judge(record);
        progress.outcomeRead();
    }

    private void judge(Record<String, Outcome> record) {
        Outcome outcome = record.value();
        if (outcome.getBackfilled()) {
            return; // the rules' trades over history, never a production model's live record
        }
        String type = outcome.getModelType();
        String version = outcome.getModelVersion();
        Production current = production.get(type);
        if (current == null || !current.version().equals(version)) {
            return;
        }
        String key = ModelKey.of(type, version);
        DegradationWatch.Step step = watch.afterTrade(live.get(key), current.since(), outcome.getPnlPct(),
                evaluated.get(key));
        live.put(key, step.state());
        step.degradation().ifPresent(verdict -> report(record, outcome, step.state(), verdict));
    }

    private void report(Record<String, Outcome> record, Outcome outcome, WatchState stint,
                        DegradationTest.Verdict verdict) {
        String type = outcome.getModelType();
        String version = outcome.getModelVersion();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("live_win_rate", pct(verdict.liveWinRate()));
        details.put("evaluated_win_rate", pct(verdict.evaluatedWinRate()));
        details.put("threshold_drop", pct(settings.winRateDrop()));
        details.put("win_rate_p_value", sci(verdict.winRatePValue()));
        details.put("live_return_pct", num(verdict.liveMean()));
        details.put("evaluated_return_pct", num(verdict.evaluatedMean()));
        details.put("expectancy_t", num(verdict.expectancyT()));
        details.put("t_critical", num(verdict.tCritical()));
        details.put("alpha_per_test", sci(verdict.alphaPerTest()));
        details.put("window_trades", Integer.toString(verdict.trades()));
        details.put("window_wins", Integer.toString(verdict.wins()));
        details.put("stint_trades", Long.toString(stint.stintTrades()));
        details.put("last_trade_id", outcome.getTradeId());
        String reason = reason(verdict);
        LOG.warn("{} {} degraded: {}", type, version, reason);
        context.forward(record.withKey(type).withValue(new ControllerEvent(EventIds.next(record.timestamp()), at,
                ControllerEventType.DEGRADATION_DETECTED, type, version, reason, details)));
        if (!settings.rollbackOnDegradation()) {
            return;
        }
        RegistryCommand rollback = RegistryCommands.at(at).rollback(type, ACTOR, "auto-rollback of " + version + ": "
                + reason);
        progress.rollbackRequested();
        context.forward(record.withKey(type).withValue(rollback));
        context.forward(record.withKey(type).withValue(new ControllerEvent(EventIds.next(record.timestamp()), at,
                ControllerEventType.ROLLBACK_REQUESTED, type, version, "auto-rollback: " + reason,
                Map.of("command_id", rollback.getId()))));
    }

    /** Names each failing test with its figures. */
    private static String reason(DegradationTest.Verdict v) {
        List<String> failed = new ArrayList<>();
        if (v.expectancyFails()) {
            failed.add(String.format(Locale.ROOT, "live return %s %% per trade over the last %d trades against the "
                            + "backtest's %s %% (t %s, limit -%s)", num(v.liveMean()), v.trades(), num(v.evaluatedMean()),
                    num(v.expectancyT()), num(v.tCritical())));
        }
        if (v.winRateFails()) {
            failed.add(String.format(Locale.ROOT, "live win rate %s over the last %d trades against the evaluated %s "
                            + "less %s points (p %s)", pct(v.liveWinRate()), v.trades(), pct(v.evaluatedWinRate()),
                    pct(v.evaluatedWinRate() - v.referenceWinRate()), sci(v.winRatePValue())));
        }
        return String.join("; ", failed) + String.format(Locale.ROOT, "; each test at %s", sci(v.alphaPerTest()));
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String num(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : Double.toString(value);
    }

    private static String sci(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
