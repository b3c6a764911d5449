package io.omega.service;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A worker with a blocking poll loop as a {@link Service} (the trainer, the evaluator): the loop on its own thread,
 * the worker's meters bound into the runner's registry, and the worker's own close to stop it.
 */
public final class LoopService implements Service {

    private final String name;
    private final BackgroundLoop loop;
    private final Runnable stop;
    private final Consumer<MeterRegistry> metrics;

    /**
     * @param name    for logs and {@code /api/health}; the loop's thread is named "omega-" and this
     * @param run     the worker's blocking loop
     * @param stop    the worker's close: stops the loop and waits for it
     * @param metrics binds the worker's meters into a registry
     */
    public LoopService(String name, BackgroundLoop.Loop run, Runnable stop, Consumer<MeterRegistry> metrics) {
        this.name = name;
        this.loop = new BackgroundLoop("omega-" + name, run);
        this.stop = stop;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public Health health() {
        return loop.health();
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        metrics.accept(registry);
    }

    @Override
    public CompletionStage<Void> ended() {
        return loop.ended();
    }

    /** A worker whose loop never started has nothing to stop: its close would wait for a loop that never ends. */
    @Override
    public void close() {
        if (loop.started()) {
            stop.run();
        }
    }
}
