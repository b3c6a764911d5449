package io.omega.registry.model;

import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's state, folded from its events. One thread applies events; any thread may read, and each read of
 * one model type is a consistent immutable {@link ModelTypeState}.
 */
public final class RegistryState {

    private final Map<String, ModelTypeState> types = new ConcurrentHashMap<>();
    private final Set<String> answeredCommands = ConcurrentHashMap.newKeySet();
    private volatile long eventsApplied;

    public void apply(RegistryEvent event) {
        answeredCommands.add(event.getCommandId());
        if (event.getEventType() != RegistryEventType.REJECTED) {
            String type = event.getModelType();
            types.put(type, type(type).apply(event));
        }
        eventsApplied++;
    }

    /** The state of one model type; empty when nothing was registered for it. */
    public ModelTypeState type(String modelType) {
        ModelTypeState state = types.get(modelType);
        return state != null ? state : ModelTypeState.empty(modelType);
    }

    /** Every model type with at least one accepted event, by name. */
    public Map<String, ModelTypeState> snapshot() {
        return new TreeMap<>(types);
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
