package io.omega.controller.view;

import io.omega.controller.monitor.RollingWinRate;
import io.omega.controller.promotion.Champion;
import io.omega.controller.promotion.PromotionDecision;
import io.omega.controller.promotion.PromotionPolicy;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the status page shows, folded from the topics: the registry's models and their evaluations, pending
 * approvals, the controller's recent decisions, and how many trades were logged. Rebuilt from the start of the
 * topics at every start, so it is always what the log says. Updated by one thread, read by many: every method is
 * synchronized and returns copies.
 */
public final class LearningView {

    /**
     * One model version as the registry and the evaluator describe it.
     *
     * @param gate the promotion gate's verdict on its latest evaluation; null before one completes
     */
    public record ModelEntry(String modelType, String version, String status, Map<String, Double> trainingMetrics,
                             Map<String, Double> evaluationMetrics, String recommendation, PromotionDecision gate) {
    }

    /** A promotion waiting for a person. */
    public record PendingApproval(String modelType, String version, String reason, Map<String, String> details,
                                  Instant since) {
    }

    /** Production's live win rate after one of its trades. */
    public record WinRatePoint(Instant time, String version, double winRate, int trades) {
    }

    private static final int RECENT_EVENTS = 20;
    private static final int WIN_RATE_POINTS = 500;

    private final int windowTrades;
    private final PromotionPolicy gate;
    private final Map<String, RollingWinRate> liveWindows = new java.util.HashMap<>();
    private final Map<String, Deque<WinRatePoint>> liveWinRate = new java.util.HashMap<>();

    private final Map<String, Map<String, ModelEntry>> models = new TreeMap<>();
    private final Map<String, PendingApproval> pending = new LinkedHashMap<>();
    private final Deque<ControllerEvent> recent = new ArrayDeque<>();
    private long outcomes;
    private long events;
    private final Map<String, Long> eventsByType = new TreeMap<>();
    private Instant lastOutcome;

    /**
     * @param windowTrades the rolling window of the production win-rate chart ({@code performance_monitor_window_trades})
     * @param gate         the promotion gate's criteria, to tell which candidates pass
     */
    public LearningView(int windowTrades, PromotionPolicy gate) {
        this.windowTrades = windowTrades;
        this.gate = gate;
    }

    synchronized void apply(RegistryEvent e) {
        Map<String, ModelEntry> versions = models.computeIfAbsent(e.getModelType(), t -> new TreeMap<>());
        switch (e.getEventType()) {
            case REGISTERED -> versions.put(e.getVersion(), new ModelEntry(e.getModelType(), e.getVersion(), "candidate",
                    Map.copyOf(e.getMetrics()), Map.of(), null, null));
            case PROMOTED, ROLLED_BACK -> {
                versions.replaceAll((v, m) -> m.status().equals("production") ? with(m, "archived") : m);
                if (e.getVersion() != null) { // null: a rollback to no production model
                    versions.computeIfPresent(e.getVersion(), (v, m) -> with(m, "production"));
                    pending.remove(key(e.getModelType(), e.getVersion()));
                }
            }
            case ARCHIVED -> {
                versions.computeIfPresent(e.getVersion(), (v, m) -> with(m, "archived"));
                pending.remove(key(e.getModelType(), e.getVersion()));
            }
            default -> {
            }
        }
    }

    synchronized void apply(Evaluation e) {
        if (e.getStatus() != EvaluationStatus.COMPLETED) {
            return;
        }
        models.computeIfAbsent(e.getModelType(), t -> new TreeMap<>()).computeIfPresent(e.getVersion(),
                (v, m) -> new ModelEntry(m.modelType(), m.version(), m.status(), m.trainingMetrics(),
                        Map.copyOf(e.getMetrics()), e.getRecommendation() == null ? null : e.getRecommendation().name(),
                        gate.checkPromotionCriteria(e.getMetrics(), Champion.of(e))));
    }

    synchronized void apply(ControllerEvent e) {
        events++;
        eventsByType.merge(e.getEventType().name(), 1L, Long::sum);
        recent.addFirst(e);
        while (recent.size() > RECENT_EVENTS) {
            recent.removeLast();
        }
        if (e.getVersion() == null) {
            return;
        }
        String key = key(e.getModelType(), e.getVersion());
        if (e.getEventType() == ControllerEventType.PROMOTION_PENDING) {
            pending.put(key, new PendingApproval(e.getModelType(), e.getVersion(), e.getReason(),
                    Map.copyOf(e.getDetails()), e.getEventTime()));
        } else if (e.getEventType() == ControllerEventType.APPROVED
                || e.getEventType() == ControllerEventType.APPROVAL_REJECTED) {
            pending.remove(key);
        }
    }

    synchronized void apply(Outcome o) {
        if (o.getBackfilled()) {
            return; // history traded by the rules: neither a version's live win rate nor the engine's last trade
        }
        RollingWinRate window = liveWindows.computeIfAbsent(key(o.getModelType(), o.getModelVersion()),
                k -> new RollingWinRate(windowTrades));
        window.add(o.getPnl() > 0);
        // Kept for every version, not just production's: replaying the topics at start reads outcomes and registry
        // events in no fixed order across topics, and the chart shows whichever version is production now.
        Deque<WinRatePoint> points = liveWinRate.computeIfAbsent(key(o.getModelType(), o.getModelVersion()),
                k -> new ArrayDeque<>());
        points.addLast(new WinRatePoint(o.getEventTime(), o.getModelVersion(), window.winRate(), window.count()));
        while (points.size() > WIN_RATE_POINTS) {
            points.removeFirst();
        }
        outcomes++;
        if (lastOutcome == null || o.getEventTime().isAfter(lastOutcome)) {
            lastOutcome = o.getEventTime();
        }
    }

    public synchronized List<ModelEntry> models(String modelType) {
        return List.copyOf(models.getOrDefault(modelType, Map.of()).values());
    }

    public synchronized List<String> modelTypes() {
        return List.copyOf(models.keySet());
    }

    public synchronized Optional<ModelEntry> production(String modelType) {
        return models.getOrDefault(modelType, Map.of()).values().stream()
                .filter(m -> m.status().equals("production")).findFirst();
    }

    /**
     * Among the candidates that pass the promotion gate, the one with the highest evaluated value of {@code metric}.
     * A candidate that fails (3 lucky trades, no edge, no better than the champion) is never the best.
     */
    public synchronized Optional<ModelEntry> bestCandidate(String modelType, String metric) {
        return models.getOrDefault(modelType, Map.of()).values().stream()
                .filter(m -> m.status().equals("candidate") && m.gate() != null && m.gate().promote()
                        && m.evaluationMetrics().containsKey(metric))
                .max((a, b) -> Double.compare(a.evaluationMetrics().get(metric), b.evaluationMetrics().get(metric)));
    }

    public synchronized Optional<PendingApproval> pending(String modelType, String version) {
        return Optional.ofNullable(pending.get(key(modelType, version)));
    }

    public synchronized List<PendingApproval> pendingApprovals() {
        return new ArrayList<>(pending.values());
    }

    public synchronized List<ControllerEvent> recentEvents() {
        return new ArrayList<>(recent);
    }

    /** Production's rolling live win rate, trade by trade (the last 500), per model type. */
    public synchronized Map<String, List<WinRatePoint>> productionWinRate() {
        Map<String, List<WinRatePoint>> out = new TreeMap<>();
        for (String type : models.keySet()) {
            production(type).map(m -> liveWinRate.get(key(type, m.version())))
                    .ifPresent(points -> out.put(type, List.copyOf(points)));
        }
        return out;
    }

    /** Controller events seen since start (the recent list keeps only the last 20). */
    public synchronized long eventCount() {
        return events;
    }

    /** Controller events seen since start, by type. */
    public synchronized Map<String, Long> eventCounts() {
        return new TreeMap<>(eventsByType);
    }

    public synchronized long loggedTrades() {
        return outcomes;
    }

    public synchronized Optional<Instant> lastTrade() {
        return Optional.ofNullable(lastOutcome);
    }

    private static ModelEntry with(ModelEntry m, String status) {
        return new ModelEntry(m.modelType(), m.version(), status, m.trainingMetrics(), m.evaluationMetrics(),
                m.recommendation(), m.gate());
    }

    private static String key(String type, String version) {
        return type + "|" + version;
    }
}
