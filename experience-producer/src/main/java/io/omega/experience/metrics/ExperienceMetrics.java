package io.omega.experience.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.omega.experience.ExperienceRecorder;
import io.omega.experience.ExperienceStats;

import java.util.function.ToDoubleFunction;

/**
 * Exposes a recorder's counts as Micrometer meters. The meters read the recorder's own counters when they are
 * scraped, so recording costs nothing extra on the caller's thread.
 */
public final class ExperienceMetrics implements MeterBinder {

    private final ExperienceRecorder recorder;

    public ExperienceMetrics(ExperienceRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "omega.experience.recorded", "kind", "decision", s -> s.decisions());
        counter(registry, "omega.experience.recorded", "kind", "execution", s -> s.executions());
        counter(registry, "omega.experience.recorded", "kind", "outcome", s -> s.outcomes());
        counter(registry, "omega.experience.published", "result", "delivered", s -> s.publisher().delivered());
        counter(registry, "omega.experience.published", "result", "dropped", s -> s.publisher().dropped());
        counter(registry, "omega.experience.published", "result", "failed", s -> s.publisher().failed());
        gauge(registry, "omega.experience.queue.waiting", s -> s.publisher().waiting());
        gauge(registry, "omega.experience.queue.in_flight", s -> s.publisher().inFlight());
        gauge(registry, "omega.experience.buffer.size", ExperienceStats::buffered);
    }

    private void counter(MeterRegistry registry, String name, String tag, String value,
                         ToDoubleFunction<ExperienceStats> read) {
        FunctionCounter.builder(name, recorder, r -> read.applyAsDouble(r.stats())).tag(tag, value).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<ExperienceStats> read) {
        Gauge.builder(name, recorder, r -> read.applyAsDouble(r.stats())).register(registry);
    }
}
