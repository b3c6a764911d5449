package io.omega.trainer.loop;

import io.omega.service.LoopService;

/** The trainer worker as a service: its poll loop on its own thread, its counts as metrics. */
public final class TrainerService {

    private TrainerService() {
    }

    /**
     * Closing it abandons a run in progress (its request stays uncommitted, so it is trained again) and waits for the
     * loop.
     */
    public static LoopService of(TrainerWorker worker) {
        return new LoopService("trainer", worker::run, worker::close, registry -> TrainerMetrics.bind(worker, registry));
    }
}
