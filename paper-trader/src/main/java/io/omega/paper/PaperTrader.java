package io.omega.paper;

import io.omega.config.PaperTradingConfig;
import io.omega.experience.AiDecision;
import io.omega.experience.ExperienceRecorder;
import io.omega.experience.TradeClosed;
import io.omega.paper.decide.Decider;
import io.omega.paper.decide.Prediction;
import io.omega.paper.execution.PaperBroker;
import io.omega.paper.features.BarFeatures;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's loop, one bar at a time: exits first (stops, targets, timeouts on this bar), then the bar's
 * features, the production decider's decision, paper execution, and, in shadow mode, the shadow decider's
 * prediction logged with {@code is_shadow} (it never trades, and when it fails production goes on untouched).
 * Everything is recorded through the experience producer, stamped with the bar's end time.
 */
public final class PaperTrader {

    private static final Logger LOG = LoggerFactory.getLogger(PaperTrader.class);

    /** What the trader has done. */
    public record Stats(long bars, long decisions, long executions, long outcomes, long shadowDecisions,
                        long shadowFailures) {
    }

    private final PaperTradingConfig settings;
    private final ExperienceRecorder recorder;
    private final Duration barLength;
    private final Decider rules;
    private final AtomicReference<Decider> production;
    private final AtomicReference<Decider> shadow = new AtomicReference<>();
    private final PaperBroker broker;
    private final Map<String, BarFeatures> features = new HashMap<>();
    private long bars;
    private long decisions;
    private long executions;
    private long outcomes;
    private long shadowDecisions;
    private long shadowFailures;

    public PaperTrader(PaperTradingConfig settings, ExperienceRecorder recorder, Duration barLength, Decider production) {
        this.settings = settings;
        this.recorder = recorder;
        this.barLength = barLength;
        this.rules = production;
        this.production = new AtomicReference<>(production);
        this.broker = new PaperBroker(settings);
    }

    /** Swaps the production decider (a newly promoted model); the next bar uses it. */
    public void useProduction(Decider decider) {
        production.set(decider);
    }

    /** Back to the decider the trader started with (the rules), when production is rolled back to no model. */
    public void useRules() {
        production.set(rules);
    }

    /** Sets or clears (null) the shadow decider. */
    public void useShadow(Decider decider) {
        shadow.set(decider);
    }

    public synchronized void onBar(Bar bar) {
        bars++;
        long end = bar.start().plus(barLength).toEpochMilli();
        broker.onBar(bar).forEach(closed -> outcome(end, closed));
        Optional<Map<String, Double>> f = features.computeIfAbsent(bar.symbol(), s -> new BarFeatures()).update(bar);
        if (f.isEmpty()) {
            return;
        }
        Prediction p = production.get().predict(bar.symbol(), f.get());
        Direction direction = p.direction(settings.decisionThreshold());
        String decisionId = recorder.recordDecision(end, bar.symbol(), f.get(), new AiDecision(direction,
                p.confidence(direction), p.probabilities(), p.modelType(), p.modelVersion(), bar.close(), false));
        decisions++;
        PaperBroker.Fills fills = broker.onDecision(bar.symbol(), decisionId, direction, bar.close(),
                bar.start().plus(barLength), p.modelType(), p.modelVersion());
        fills.closed().forEach(closed -> outcome(end, closed));
        fills.opened().ifPresent(opened -> {
            recorder.recordExecution(end, opened);
            executions++;
        });
        Decider candidate = shadow.get();
        if (candidate != null) {
            try {
                Prediction s = candidate.predict(bar.symbol(), f.get());
                Direction sd = s.direction(settings.decisionThreshold());
                recorder.recordDecision(end, bar.symbol(), f.get(), new AiDecision(sd, s.confidence(sd),
                        s.probabilities(), s.modelType(), s.modelVersion(), bar.close(), true));
                shadowDecisions++;
            } catch (RuntimeException e) {
                shadowFailures++;
                LOG.warn("shadow model failed on {} at {}: {}", bar.symbol(), bar.start(), e.toString());
            }
        }
    }

    private void outcome(long end, TradeClosed closed) {
        recorder.recordOutcome(end, closed);
        outcomes++;
    }

    public synchronized Stats stats() {
        return new Stats(bars, decisions, executions, outcomes, shadowDecisions, shadowFailures);
    }

    public synchronized double equity() {
        return broker.equity();
    }
}
