package io.omega.sink.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omega.store.ExperienceKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-kind counters of the sink (total logged, files created, last flush), also published as metrics:
 * {@code omega.sink.rows.logged}, {@code omega.sink.files.created}, {@code omega.sink.last.flush} (epoch seconds)
 * tagged {@code kind}, {@code omega.sink.dead.letters} tagged {@code topic}, and, for schema-registry outages,
 * {@code omega.sink.registry.waiting} (partitions paused now) and {@code omega.sink.registry.unavailable} (failed
 * attempts).
 */
public final class SinkStats {

    private final class PerKind {
        final AtomicLong logged = new AtomicLong();
        final AtomicLong files = new AtomicLong();
        final AtomicLong lastFlushMillis = new AtomicLong(-1);
        final Counter loggedCounter;
        final Counter filesCounter;

        PerKind(String kind) {
            loggedCounter = Counter.builder("omega.sink.rows.logged").tag("kind", kind)
                    .description("Rows written to experience files").register(registry);
            filesCounter = Counter.builder("omega.sink.files.created").tag("kind", kind)
                    .description("Part files published").register(registry);
            Gauge.builder("omega.sink.last.flush", lastFlushMillis, v -> v.get() < 0 ? Double.NaN : v.get() / 1000.0)
                    .tag("kind", kind).baseUnit("seconds").description("Time of the last flush (epoch seconds)")
                    .register(registry);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, PerKind> kinds = new LinkedHashMap<>();
    private final AtomicLong deadLetters = new AtomicLong();

    public SinkStats(MeterRegistry registry) {
        this.registry = registry;
        for (ExperienceKind<?> kind : ExperienceKind.all()) {
            kinds.put(kind.name(), new PerKind(kind.name()));
        }
    }

    public void flushed(ExperienceKind<?> kind, int rows, int files, Instant at) {
        PerKind k = kinds.get(kind.name());
        // The meters first: whoever sees the totals below move may scrape and must find the meters there already.
        k.loggedCounter.increment(rows);
        k.filesCounter.increment(files);
        k.lastFlushMillis.set(at.toEpochMilli());
        k.files.addAndGet(files);
        k.logged.addAndGet(rows);
    }

    public void deadLettered(String topic) {
        deadLetters.incrementAndGet();
        registry.counter("omega.sink.dead.letters", "topic", topic).increment();
    }

    /** Publishes {@code omega.sink.registry.waiting}: how many partitions wait for the schema registry now. */
    public void waitingPartitions(java.util.function.IntSupplier waiting) {
        // A strong reference: Micrometer holds gauge state weakly, and nothing else keeps this supplier alive.
        Gauge.builder("omega.sink.registry.waiting", waiting, w -> w.getAsInt()).strongReference(true)
                .description("Partitions paused because the schema registry could not be asked for a record's schema")
                .register(registry);
    }

    /** One failed attempt to fetch a schema: {@code omega.sink.registry.unavailable}. */
    public void registryUnavailable() {
        registry.counter("omega.sink.registry.unavailable").increment();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    /** Per kind, in the order decisions, executions, outcomes. */
    public Map<String, KindStats> snapshot() {
        Map<String, KindStats> out = new LinkedHashMap<>();
        kinds.forEach((name, k) -> {
            long last = k.lastFlushMillis.get();
            out.put(name, new KindStats(k.logged.get(), k.files.get(),
                    last < 0 ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(last))));
        });
        return out;
    }

    public KindStats of(ExperienceKind<?> kind) {
        return snapshot().get(kind.name());
    }
}
