package io.omega.controller;

import io.omega.config.OmegaConfig;
import io.omega.controller.monitor.LiveMonitor;
import io.omega.controller.monitor.MonitorSettings;
import io.omega.controller.promotion.GateSettings;
import io.omega.controller.promotion.PromotionGateTopology;
import io.omega.controller.retrain.RetrainSettings;
import io.omega.controller.retrain.RetrainTopology;
import io.omega.controller.streams.StreamsApp;
import io.omega.schemas.serde.OmegaSerdes;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omega.controller.http.ControllerApi;
import io.omega.controller.shadow.ShadowComparison;
import io.omega.controller.view.Approvals;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.controller.view.LearningStatus;
import io.omega.controller.promotion.PromotionCriteria;
import io.omega.controller.promotion.PromotionPolicy;
import io.omega.controller.view.LearningView;
import io.omega.controller.view.LearningViewUpdater;
import io.omega.http.BearerTokenAuth;
import io.omega.http.JsonHttpServer;
import io.omega.service.Health;
import io.omega.service.Service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The controller's three Streams applications in one process: the live monitor (degradation and rollback), the
 * promotion gate (evaluations to decisions) and the retrain trigger. Each has its own application id because
 * each reads its topics its own way; they share nothing but the topics. Its metrics are served on its dashboard's
 * {@code /metrics}, so it binds none into the runner's.
 */
public final class ControllerService implements Service {

    /** Bars per symbol the shadow comparison keeps: a week of one-minute decisions. */
    private static final int SHADOW_BARS = 10_080;

    private final LiveMonitor monitor;
    private final StreamsApp gate;
    private final StreamsApp retrain;
    private final LearningView view;
    private final ShadowComparison shadow;
    private final LearningViewUpdater updater;
    private final Approvals approvals;
    private final LearningStatus status;
    private final OmegaConfig config;
    private JsonHttpServer http;

    public ControllerService(OmegaConfig config, OmegaSerdes serdes, Path stateDir) {
        this.config = config;
        String bootstrap = config.kafka().bootstrapServers();
        String prefix = config.kafka().clientIdPrefix();
        this.view = new LearningView(config.selfLearning().performanceMonitorWindowTrades(),
                new PromotionPolicy(PromotionCriteria.from(config.selfLearning())));
        this.shadow = new ShadowComparison(BacktestSettings.from(config.paperTrading()), SHADOW_BARS);
        this.updater = new LearningViewUpdater(view, shadow, bootstrap, prefix + "-controller-view", serdes);
        this.approvals = new Approvals(view, bootstrap, prefix + "-controller", serdes, Clock.systemUTC());
        this.status = new LearningStatus(config.selfLearning(), view, shadow, config.storage().dataDir());
        var commitInterval = config.kafka().streamsCommitInterval();
        this.monitor = new LiveMonitor(MonitorSettings.from(config), serdes, bootstrap,
                prefix + "-controller-monitor", stateDir.resolve("monitor"), commitInterval);
        this.gate = new StreamsApp(PromotionGateTopology.build(GateSettings.from(config.selfLearning()), serdes),
                bootstrap, prefix + "-controller-gate", stateDir.resolve("gate"), Set.of(), List.of(), commitInterval);
        this.retrain = new StreamsApp(RetrainTopology.build(RetrainSettings.from(config.selfLearning(),
                config.training()), serdes), bootstrap, prefix + "-controller-retrain", stateDir.resolve("retrain"), Set.of(),
                RetrainTopology.REPARTITIONS, commitInterval);
    }

    /** Starts the applications, the status view and the HTTP API (dashboard section: host, port, token). */
    @Override
    public void start() {
        monitor.start();
        gate.start();
        retrain.start();
        updater.start();
        var dashboard = config.dashboard();
        ControllerApi api = new ControllerApi(status, view, approvals,
                new BearerTokenAuth(dashboard.adminToken(), "dashboard.admin_token"));
        http = JsonHttpServer.start(dashboard.host(), dashboard.port(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), api::routes);
    }

    @Override
    public String name() {
        return "controller";
    }

    /** UP while the three Streams applications run; DOWN, naming them, while any starts, rebalances or stopped. */
    @Override
    public Health health() {
        if (isRunning()) {
            return Health.up("running");
        }
        return Health.down(String.format("live monitor %s, promotion gate %s, retrain trigger %s",
                running(monitor.isRunning()), running(gate.isRunning()), running(retrain.isRunning())));
    }

    /**
     * Completes when the first of its three Streams applications has ended: normally once closed, exceptionally when
     * one stopped in ERROR on its own, so that a runner stops the controller and says why instead of serving a
     * dashboard over applications that no longer process anything.
     */
    @Override
    public CompletionStage<Void> ended() {
        return CompletableFuture.anyOf(monitor.ended().toCompletableFuture(), gate.ended().toCompletableFuture(),
                retrain.ended().toCompletableFuture()).thenApply(first -> null);
    }

    private static String running(boolean running) {
        return running ? "running" : "not running";
    }

    /** The learning status: the JSON of {@code GET /api/ai/learning_status}. */
    public Map<String, Object> getLearningStatus() {
        return status.getLearningStatus();
    }

    /** A manual rollback of one model type: asks the registry to restore the previous production version. */
    public void triggerRollback(String modelType, String actor, String reason) {
        approvals.rollback(modelType, actor, reason);
    }

    public LearningView view() {
        return view;
    }

    /** True once the status view has read everything that was in its topics at start. */
    public boolean viewCaughtUp() {
        return updater.caughtUp();
    }

    /** Where the dashboard and API listen. */
    public String url() {
        return "http://" + config.dashboard().host() + ":" + http.port();
    }

    public boolean isRunning() {
        return monitor.isRunning() && gate.isRunning() && retrain.isRunning();
    }

    public LiveMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new java.util.ArrayList<>(List.of(updater, approvals, retrain, gate, monitor));
        if (http != null) {
            parts.add(0, http);
        }
        for (AutoCloseable app : parts) {
            try {
                app.close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
