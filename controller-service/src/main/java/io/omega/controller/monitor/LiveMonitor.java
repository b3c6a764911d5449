package io.omega.controller.monitor;

import io.omega.controller.streams.StreamsApp;
import io.omega.schemas.serde.OmegaSerdes;

import java.nio.file.Path;
import java.util.Optional;

/** The {@link MonitorTopology}, running. */
public final class LiveMonitor implements AutoCloseable {

    private final StreamsApp app;
    private final MonitorProgress progress = new MonitorProgress();

    public LiveMonitor(MonitorSettings settings, OmegaSerdes serdes, String bootstrapServers, String applicationId,
                       Path stateDir) {
        this(settings, serdes, bootstrapServers, applicationId, stateDir, StreamsApp.DEFAULT_COMMIT_INTERVAL);
    }

    public LiveMonitor(MonitorSettings settings, OmegaSerdes serdes, String bootstrapServers, String applicationId,
                       Path stateDir, java.time.Duration commitInterval) {
        this.app = new StreamsApp(MonitorTopology.build(settings, serdes, progress), bootstrapServers, applicationId, stateDir,
                MonitorTopology.GLOBAL_TOPICS, MonitorTopology.REPARTITIONS, commitInterval);
    }

    public void start() {
        app.start();
    }

    /** Completes once closed, exceptionally when the monitor stopped in ERROR on its own. */
    public java.util.concurrent.CompletionStage<Void> ended() {
        return app.ended();
    }

    public boolean isRunning() {
        return app.isRunning();
    }

    /** The production stint of one model version, as this instance holds it; empty when unknown or not queryable yet. */
    public Optional<WatchState> watch(String modelType, String version) {
        return app.lookup(DegradationMonitor.STORE, ModelKey.of(modelType, version));
    }

    /** What this instance's monitor has read and asked for since start. */
    public MonitorProgress progress() {
        return progress;
    }

    @Override
    public void close() {
        app.close();
    }
}
