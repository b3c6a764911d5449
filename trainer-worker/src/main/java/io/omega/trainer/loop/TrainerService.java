package io.omega.trainer.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.omega.service.BackgroundLoop;
import io.omega.service.Health;
import io.omega.service.Service;

import java.util.concurrent.CompletionStage;

/** The trainer worker as a {@link Service}: its poll loop on its own thread, its counts as metrics. */
public final class TrainerService implements Service {

    private final TrainerWorker worker;
    private final BackgroundLoop loop;

    public TrainerService(TrainerWorker worker) {
        this.worker = worker;
        this.loop = new BackgroundLoop("omega-trainer", worker::run);
    }

    public TrainerWorker worker() {
        return worker;
    }

    @Override
    public String name() {
        return "trainer";
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
        TrainerMetrics.bind(worker, registry);
    }

    @Override
    public CompletionStage<Void> ended() {
        return loop.ended();
    }

    /**
     * Abandons a run in progress (its request stays uncommitted, so it is trained again) and waits for the loop. A
     * worker whose loop never started has nothing to stop: its close would wait for a loop that never ends.
     */
    @Override
    public void close() {
        if (loop.started()) {
            worker.close();
        }
    }
}
