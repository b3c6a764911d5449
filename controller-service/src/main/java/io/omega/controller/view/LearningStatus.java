package io.omega.controller.view;

import io.omega.config.SelfLearningConfig;
import io.omega.controller.shadow.ShadowComparison;
import io.omega.schemas.event.ControllerEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The learning status: the JSON of {@code GET /api/ai/learning_status}. Its fields, a stable contract for
 * dashboards and clients ({@code enabled}, {@code shadow_mode}, {@code config}, {@code data}, {@code registry},
 * {@code production_models}, {@code best_candidates}), plus {@code pending_approvals} and {@code recent_events}.
 * The best candidate of a type is the best by Sharpe ratio among those that pass the promotion gate; none when no
 * candidate passes.
 */
public final class LearningStatus {

    private static final String BEST_BY = "sharpe_ratio";

    private static final int CHART_POINTS = 200;

    private final SelfLearningConfig config;
    private final LearningView view;
    private final ShadowComparison shadow;
    private final Path experiences;

    public LearningStatus(SelfLearningConfig config, LearningView view, ShadowComparison shadow, Path dataDir) {
        this.config = config;
        this.view = view;
        this.shadow = shadow;
        this.experiences = dataDir.resolve("experiences");
    }

    public Map<String, Object> getLearningStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", config.enableSelfLearning());
        status.put("shadow_mode", config.enableShadowMode());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("min_trades_before_retrain", config.minTradesBeforeRetrain());
        cfg.put("retrain_interval_hours", config.retrainIntervalHours());
        cfg.put("min_eval_sharpe_for_promotion", config.minEvalSharpeForPromotion());
        cfg.put("min_eval_winrate_for_promotion", config.minEvalWinrateForPromotion());
        cfg.put("max_allowed_drawdown_for_candidate", config.maxAllowedDrawdownForCandidate());
        cfg.put("min_improvement_over_production", config.minImprovementOverProduction());
        cfg.put("manual_approval_required", config.manualApprovalRequired());
        cfg.put("allow_auto_rollback", config.allowAutoRollback());
        cfg.put("performance_monitor_window_trades", config.performanceMonitorWindowTrades());
        cfg.put("rollback_threshold_winrate_drop", config.rollbackThresholdWinrateDrop());
        cfg.put("monitor_min_trades", config.monitorMinTrades());
        cfg.put("rollback_false_alarm_rate", config.rollbackFalseAlarmRate());
        cfg.put("monitor_horizon_trades", config.monitorHorizonTrades());
        cfg.put("promotion_significance", config.promotionSignificance());
        cfg.put("improvement_significance", config.improvementSignificance());
        status.put("config", cfg);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("total_logged_trades", view.loggedTrades());
        data.put("last_flush", lastFlush().map(Object::toString).orElse(null));
        data.put("last_trade", view.lastTrade().map(Object::toString).orElse(null));
        status.put("data", data);

        Map<String, Object> byType = new LinkedHashMap<>();
        Map<String, Object> production = new LinkedHashMap<>();
        Map<String, Object> best = new LinkedHashMap<>();
        int total = 0;
        for (String type : view.modelTypes()) {
            List<LearningView.ModelEntry> models = view.models(type);
            total += models.size();
            byType.put(type, Map.of("total", models.size(),
                    "production", models.stream().filter(m -> m.status().equals("production")).count(),
                    "candidate", models.stream().filter(m -> m.status().equals("candidate")).count(),
                    "archived", models.stream().filter(m -> m.status().equals("archived")).count()));
            view.production(type).ifPresent(m -> production.put(type, describe(m)));
            view.bestCandidate(type, BEST_BY).ifPresent(m -> best.put(type, describe(m)));
        }
        status.put("registry", Map.of("total_models", total, "by_type", byType));
        status.put("production_models", production);
        status.put("best_candidates", best);
        status.put("pending_approvals", view.pendingApprovals().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model_type", p.modelType());
            m.put("version", p.version());
            m.put("since", p.since().toString());
            m.put("reason", p.reason());
            m.put("details", p.details());
            return m;
        }).toList());
        status.put("recent_events", view.recentEvents().stream().map(LearningStatus::event).toList());
        Map<String, Object> winRates = new LinkedHashMap<>();
        view.productionWinRate().forEach((type, points) -> winRates.put(type, points.stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("time", p.time().toString());
            point.put("version", p.version());
            point.put("win_rate", p.winRate());
            point.put("trades", p.trades());
            return point;
        }).toList()));
        status.put("production_rolling_win_rate", winRates);
        status.put("shadow", shadow.compare().stream().map(s -> ShadowComparison.describe(s, CHART_POINTS)).toList());
        return status;
    }

    private static Map<String, Object> describe(LearningView.ModelEntry m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", m.version());
        d.put("metrics", m.evaluationMetrics().isEmpty() ? m.trainingMetrics() : JsonMetrics.finite(m.evaluationMetrics()));
        d.put("recommendation", m.recommendation());
        if (m.gate() != null) {
            d.put("gate", m.gate().reason());
        }
        return d;
    }

    private static Map<String, Object> event(ControllerEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.getEventTime().toString());
        m.put("type", e.getEventType().name());
        m.put("model_type", e.getModelType());
        m.put("version", e.getVersion());
        m.put("reason", e.getReason());
        return m;
    }

    /** When the sink last published a file: the newest experience file's modification time. */
    private Optional<FileTime> lastFlush() {
        if (!Files.isDirectory(experiences)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(experiences)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            return FileTime.fromMillis(0);
                        }
                    }).max(FileTime::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experiences, e);
        }
    }
}
