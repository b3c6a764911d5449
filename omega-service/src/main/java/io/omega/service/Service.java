package io.omega.service;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A long-running part of OMEGA (the sink, the trainer, the evaluator, the model registry, the controller, the paper
 * trader), as {@link ServiceRunner} runs it: started once, asked for its health while it runs, closed once.
 *
 * <p>The Kafka I/O and the decisions stay in the classes a service wraps; a service only owns their lifecycle.
 */
public interface Service extends AutoCloseable {

    /** Short and stable, for logs and for telling services apart in {@code /api/health}. */
    String name();

    /**
     * Starts the service's work and returns once it runs: a loop gets its own thread here, a server is listening
     * when this returns. Called once.
     */
    void start();

    Health health();

    /** Adds the service's meters to {@code registry}, the one {@code /metrics} serves. Called before start. */
    default void bindMetrics(MeterRegistry registry) {
    }

    /**
     * Completes when the service's work has ended: normally when it is done (a replay that reached the end of its
     * data) or was closed, exceptionally with the reason when it died. A service whose work never ends by itself
     * (a server) keeps the default, which never completes.
     */
    default CompletionStage<Void> ended() {
        return new CompletableFuture<>();
    }

    /**
     * Stops the work and returns once it has stopped, with what it buffered written and committed. Safe to call
     * more than once, and on a service whose start failed or that ended by itself.
     */
    @Override
    void close();
}
