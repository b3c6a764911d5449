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

import java.nio.file.Path;
import java.util.List;

/**
 * The controller's three Streams applications in one process: the live monitor (degradation and rollback), the
 * promotion gate (evaluations to decisions) and the retrain trigger. Each has its own application id because
 * each reads its topics its own way; they share nothing but the topics.
 */
public final class ControllerService implements AutoCloseable {

    private final LiveMonitor monitor;
    private final StreamsApp gate;
    private final StreamsApp retrain;

    public ControllerService(OmegaConfig config, OmegaSerdes serdes, Path stateDir) {
        String bootstrap = config.kafka().bootstrapServers();
        String prefix = config.kafka().clientIdPrefix();
        this.monitor = new LiveMonitor(MonitorSettings.from(config.selfLearning()), serdes, bootstrap,
                prefix + "-controller-monitor", stateDir.resolve("monitor"));
        this.gate = new StreamsApp(PromotionGateTopology.build(GateSettings.from(config.selfLearning()), serdes),
                bootstrap, prefix + "-controller-gate", stateDir.resolve("gate"));
        this.retrain = new StreamsApp(RetrainTopology.build(RetrainSettings.from(config.selfLearning(),
                config.training()), serdes), bootstrap, prefix + "-controller-retrain", stateDir.resolve("retrain"));
    }

    public void start() {
        monitor.start();
        gate.start();
        retrain.start();
    }

    public boolean isRunning() {
        return monitor.isRunning() && gate.isRunning() && retrain.isRunning();
    }

    public LiveMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        for (AutoCloseable app : List.of(retrain, gate, monitor)) {
            try {
                app.close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
