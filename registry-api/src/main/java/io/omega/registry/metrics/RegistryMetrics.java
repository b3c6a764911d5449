package io.omega.registry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omega.schemas.event.RegistryEventType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** What the registry counts and times; exported on {@code /metrics}. */
public final class RegistryMetrics {

    private final Map<RegistryEventType, Counter> events = new EnumMap<>(RegistryEventType.class);
    private final Counter deadLettered;
    private final Counter duplicates;
    private final Counter aborted;
    private final Timer transactions;
    private final Timer roundTrips;

    public RegistryMetrics(MeterRegistry registry) {
        for (RegistryEventType type : RegistryEventType.values()) {
            events.put(type, Counter.builder("omega.registry.events").tag("event_type", type.name())
                    .description("Registry events written, by type").register(registry));
        }
        deadLettered = Counter.builder("omega.registry.commands.dead.lettered")
                .description("Commands that could not be decoded, sent to the dead-letter topic").register(registry);
        duplicates = Counter.builder("omega.registry.commands.duplicate")
                .description("Commands whose id was already answered; skipped").register(registry);
        aborted = Counter.builder("omega.registry.transactions.aborted")
                .description("Transactions aborted and retried after a state rebuild").register(registry);
        transactions = Timer.builder("omega.registry.transaction").description("Decide, write and commit one batch of commands")
                .publishPercentiles(0.5, 0.99).register(registry);
        roundTrips = Timer.builder("omega.registry.command.round.trip")
                .description("From sending a command to seeing its event, at the client")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void written(RegistryEventType type) {
        events.get(type).increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void aborted() {
        aborted.increment();
    }

    public void committed(Duration took) {
        transactions.record(took);
    }

    public void roundTrip(Duration took) {
        roundTrips.record(took);
    }
}
