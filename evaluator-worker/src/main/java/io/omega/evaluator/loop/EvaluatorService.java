package io.omega.evaluator.loop;

import io.omega.service.LoopService;

/** The evaluator worker as a service: its poll loop on its own thread, its counts as metrics. */
public final class EvaluatorService {

    private EvaluatorService() {
    }

    /** Closing it stops polling and waits up to 30 s for the loop to end. */
    public static LoopService of(EvaluatorWorker worker) {
        return new LoopService("evaluator", worker::run, worker::close,
                registry -> EvaluatorMetrics.bind(worker, registry));
    }
}
