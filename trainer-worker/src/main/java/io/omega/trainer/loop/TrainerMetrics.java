package io.omega.trainer.loop;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/** The worker's counts as metrics: {@code omega_trainer_requests_total{outcome=...}}. */
public final class TrainerMetrics {

    private TrainerMetrics() {
    }

    public static void bind(TrainerWorker worker, MeterRegistry registry) {
        counter(registry, worker, "succeeded", w -> w.stats().succeeded());
        counter(registry, worker, "failed", w -> w.stats().failed());
        counter(registry, worker, "dead_lettered", w -> w.stats().deadLettered());
        counter(registry, worker, "abandoned", w -> w.stats().abandoned());
    }

    private static void counter(MeterRegistry registry, TrainerWorker worker, String outcome,
                                ToDoubleFunction<TrainerWorker> count) {
        FunctionCounter.builder("omega.trainer.requests", worker, count).tag("outcome", outcome)
                .description("training requests handled, by outcome").register(registry);
    }
}
