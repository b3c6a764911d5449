package io.omega.registry.model;

import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's state, folded from its events. One thread applies events; any thread may read. Reads of one model
 * type return a consistent immutable {@link ModelTypeState}; the point lookups the decider needs read the live
 * state without building one.
 */
public final class RegistryState {

    private final Map<String, TypeLedger> types = new ConcurrentHashMap<>();
    private final Set<String> answeredCommands = ConcurrentHashMap.newKeySet();
    private volatile long eventsApplied;

    public void apply(RegistryEvent event) {
        if (event.getEventType() != RegistryEventType.REJECTED) {
            // A contradicting event throws before anything is recorded.
            types.computeIfAbsent(event.getModelType(), TypeLedger::new).apply(event);
        }
        answeredCommands.add(event.getCommandId());
        eventsApplied++;
    }

    /** A snapshot of one model type; empty when nothing was registered for it. */
    public ModelTypeState type(String modelType) {
        TypeLedger ledger = types.get(modelType);
        return ledger != null ? ledger.snapshot() : ModelTypeState.empty(modelType);
    }

    public Optional<ModelVersion> version(String modelType, String version) {
        TypeLedger ledger = types.get(modelType);
        return ledger == null ? Optional.empty() : Optional.ofNullable(ledger.version(version));
    }

    /** The production version of a type, or null. */
    public String productionVersion(String modelType) {
        TypeLedger ledger = types.get(modelType);
        return ledger == null ? null : ledger.productionVersion();
    }

    public Optional<ModelVersion> production(String modelType) {
        return version(modelType, productionVersion(modelType));
    }

    /** Snapshots of every model type with at least one accepted event, by name. */
    public Map<String, ModelTypeState> snapshot() {
        Map<String, ModelTypeState> all = new TreeMap<>();
        types.forEach((type, ledger) -> all.put(type, ledger.snapshot()));
        return all;
    }

    /** Whether an event answering this command was already applied. */
    public boolean answered(String commandId) {
        return answeredCommands.contains(commandId);
    }

    public Set<String> answeredCommands() {
        return Set.copyOf(answeredCommands);
    }

    public long eventsApplied() {
        return eventsApplied;
    }
}
