package io.omega.evaluator.loop;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/** The worker's counts as metrics: {@code omega_evaluator_evaluations_total{status=...}}. */
public final class EvaluatorMetrics {

    private EvaluatorMetrics() {
    }

    public static void bind(EvaluatorWorker worker, MeterRegistry registry) {
        counter(registry, worker, "completed", w -> w.stats().completed());
        counter(registry, worker, "failed", w -> w.stats().failed());
        counter(registry, worker, "dead_lettered", w -> w.stats().deadLettered());
    }

    private static void counter(MeterRegistry registry, EvaluatorWorker worker, String status,
                                ToDoubleFunction<EvaluatorWorker> count) {
        FunctionCounter.builder("omega.evaluator.evaluations", worker, count).tag("status", status)
                .description("registered models evaluated, by result").register(registry);
    }
}
