package io.omega.evaluator.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.omega.service.BackgroundLoop;
import io.omega.service.Health;
import io.omega.service.Service;

import java.util.concurrent.CompletionStage;

/** The evaluator worker as a {@link Service}: its poll loop on its own thread, its counts as metrics. */
public final class EvaluatorService implements Service {

    private final EvaluatorWorker worker;
    private final BackgroundLoop loop;

    public EvaluatorService(EvaluatorWorker worker) {
        this.worker = worker;
        this.loop = new BackgroundLoop("omega-evaluator", worker::run);
    }

    public EvaluatorWorker worker() {
        return worker;
    }

    @Override
    public String name() {
        return "evaluator";
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
        EvaluatorMetrics.bind(worker, registry);
    }

    @Override
    public CompletionStage<Void> ended() {
        return loop.ended();
    }

    /**
     * Stops polling and waits up to 30 s for the loop to end. A worker whose loop never started has nothing to stop:
     * its close would wait for a loop that never ends.
     */
    @Override
    public void close() {
        if (loop.started()) {
            worker.close();
        }
    }
}
