package io.omega.paper;

import io.omega.config.PaperTradingConfig;
import io.omega.experience.AiDecision;
import io.omega.experience.ExperienceRecorder;
import io.omega.experience.TradeClosed;
import io.omega.learning.backtest.BarPrices;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.paper.decide.Decider;
import io.omega.paper.decide.Prediction;
import io.omega.paper.execution.PaperBroker;
import io.omega.paper.features.BarFeatures;
import io.omega.paper.market.Bar;
import io.omega.schemas.event.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's loop, one bar at a time: first the fills in this bar (the order decided at the last close fills at
 * its open, then stops and targets), then the bar's features, the production decider's decision (which fills at the
 * next open), and, in shadow mode, the shadow decider's prediction logged with {@code is_shadow} (it never trades,
 * and when it fails production goes on untouched). Everything is recorded through the experience producer, stamped
 * with the bar's end time; each decision logs the bar's open, high and low with its features ({@link BarPrices}),
 * so the backtest of a logged stint trades exactly as the engine did. After a gap in a symbol's bars (a step over
 * {@link DatasetSpec#DEFAULT_GAP_FACTOR} bar lengths, the rule training and backtests cut their windows by) a model's
 * window starts over.
 */
public final class PaperTrader {

    private static final Logger LOG = LoggerFactory.getLogger(PaperTrader.class);

    /** What the trader has done. */
    public record Stats(long bars, long decisions, long executions, long outcomes, long shadowDecisions,
                        long shadowFailures) {
    }

    /** The largest window a model may read ({@code training.window_size} is at most 10,000). */
    static final int RECENT_BARS = 10_000;

    private final PaperTradingConfig settings;
    private final ExperienceRecorder recorder;
    private final Duration barLength;
    private final Decider rules;
    private final AtomicReference<Decider> production;
    private final AtomicReference<Decider> shadow = new AtomicReference<>();
    private final PaperBroker broker;
    private final Map<String, BarFeatures> features = new HashMap<>();
    private final Map<String, Deque<Map<String, Double>>> recent = new HashMap<>();
    private final Map<String, Instant> lastBar = new HashMap<>();
    /** A longer step between bars is a gap, by the rule training and backtests cut their windows with. */
    private final Duration maxStep;
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
        this.maxStep = Duration.ofMillis(Math.round(barLength.toMillis() * DatasetSpec.DEFAULT_GAP_FACTOR));
    }

    /** Swaps the production decider (a newly promoted model), warmed up with the recent bars; the next bar uses it. */
    public synchronized void useProduction(Decider decider) {
        warmUp(decider);
        production.set(decider);
    }

    /** The version of the model in production here, or empty while the engine decides with its rules. */
    public java.util.Optional<String> productionVersion() {
        return production.get().modelVersion();
    }

    /** Back to the decider the trader started with (the rules), when production is rolled back to no model. */
    public synchronized void useRules() {
        production.set(rules);
    }

    /** Sets (warmed up with the recent bars) or clears (null) the shadow decider. */
    public synchronized void useShadow(Decider decider) {
        if (decider != null) {
            warmUp(decider);
        }
        shadow.set(decider);
    }

    private void warmUp(Decider decider) {
        recent.forEach((symbol, rows) -> decider.warmUp(symbol, List.copyOf(rows)));
    }

    public synchronized void onBar(Bar bar) {
        bars++;
        Instant endAt = bar.start().plus(barLength);
        long end = endAt.toEpochMilli();
        Instant previous = lastBar.put(bar.symbol(), bar.start());
        if (previous != null && Duration.between(previous, bar.start()).compareTo(maxStep) > 0) {
            recent.remove(bar.symbol());
            production.get().startOver(bar.symbol());
            Decider candidate = shadow.get();
            if (candidate != null) {
                candidate.startOver(bar.symbol());
            }
        }
        PaperBroker.Fills fills = broker.onBar(bar, endAt);
        fills.opened().forEach(opened -> {
            recorder.recordExecution(end, opened);
            executions++;
        });
        fills.closed().forEach(closed -> outcome(end, closed));
        Optional<Map<String, Double>> computed = features.computeIfAbsent(bar.symbol(), s -> new BarFeatures()).update(bar);
        if (computed.isEmpty()) {
            broker.onDecision(bar.symbol(), null, Direction.FLAT, null, null);
            return;
        }
        Map<String, Double> f = BarPrices.with(computed.get(), bar.open(), bar.high(), bar.low());
        remember(bar.symbol(), f);
        Prediction p = production.get().predict(bar.symbol(), f);
        Direction direction = p.direction(settings.decisionThreshold());
        String decisionId = recorder.recordDecision(end, bar.symbol(), f, new AiDecision(direction,
                p.confidence(direction), p.probabilities(), p.modelType(), p.modelVersion(), bar.close(), false));
        decisions++;
        broker.onDecision(bar.symbol(), decisionId, direction, p.modelType(), p.modelVersion());
        Decider candidate = shadow.get();
        if (candidate != null) {
            try {
                Prediction s = candidate.predict(bar.symbol(), f);
                Direction sd = s.direction(settings.decisionThreshold());
                recorder.recordDecision(end, bar.symbol(), f, new AiDecision(sd, s.confidence(sd),
                        s.probabilities(), s.modelType(), s.modelVersion(), bar.close(), true));
                shadowDecisions++;
            } catch (RuntimeException e) {
                shadowFailures++;
                LOG.warn("shadow model failed on {} at {}: {}", bar.symbol(), bar.start(), e.toString());
            }
        }
    }

    /** The symbol's last {@link #RECENT_BARS} feature rows, to warm up the next model put into production. */
    private void remember(String symbol, Map<String, Double> row) {
        Deque<Map<String, Double>> rows = recent.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        rows.addLast(row);
        if (rows.size() > RECENT_BARS) {
            rows.removeFirst();
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
