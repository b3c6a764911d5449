package io.omega.registry;

import io.omega.registry.model.ModelStatus;
import io.omega.registry.model.ModelTypes;
import io.omega.registry.model.VersionId;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryEventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, deliberately naive model of the registry's rules, to check the real one against: production is a
 * stack (promote pushes, rollback pops), statuses a plain map. Artifact checks are told, not computed.
 */
public final class ReferenceRegistry {

    private final Map<String, Map<String, ModelStatus>> statuses = new HashMap<>();
    private final Map<String, List<String>> productionStack = new HashMap<>();

    /** The event type the registry must answer {@code command} with, applying it to this model. */
    public RegistryEventType expect(RegistryCommand command, boolean artifactValid) {
        String type = command.getModelType();
        if (!ModelTypes.isKnown(type)) {
            return RegistryEventType.REJECTED;
        }
        Map<String, ModelStatus> versions = statuses.computeIfAbsent(type, t -> new HashMap<>());
        List<String> stack = productionStack.computeIfAbsent(type, t -> new ArrayList<>());
        String v = command.getVersion();
        switch (command.getCommandType()) {
            case REGISTER -> {
                if (!VersionId.isValid(v) || versions.containsKey(v) || !artifactValid) {
                    return RegistryEventType.REJECTED;
                }
                versions.put(v, ModelStatus.CANDIDATE);
                return RegistryEventType.REGISTERED;
            }
            case PROMOTE -> {
                if (!VersionId.isValid(v) || versions.get(v) != ModelStatus.CANDIDATE) {
                    return RegistryEventType.REJECTED;
                }
                if (!stack.isEmpty()) {
                    versions.put(stack.get(stack.size() - 1), ModelStatus.ARCHIVED);
                }
                stack.add(v);
                versions.put(v, ModelStatus.PRODUCTION);
                return RegistryEventType.PROMOTED;
            }
            case ROLLBACK -> {
                if (stack.isEmpty()) {
                    return RegistryEventType.REJECTED;
                }
                versions.put(stack.remove(stack.size() - 1), ModelStatus.ARCHIVED);
                if (!stack.isEmpty()) {
                    versions.put(stack.get(stack.size() - 1), ModelStatus.PRODUCTION);
                }
                return RegistryEventType.ROLLED_BACK;
            }
            case ARCHIVE -> {
                if (!VersionId.isValid(v) || versions.get(v) != ModelStatus.CANDIDATE) {
                    return RegistryEventType.REJECTED;
                }
                versions.put(v, ModelStatus.ARCHIVED);
                return RegistryEventType.ARCHIVED;
            }
            default -> {
                return RegistryEventType.REJECTED;
            }
        }
    }

    public Map<String, ModelStatus> statuses(String type) {
        return statuses.getOrDefault(type, Map.of());
    }

    /** Production first, then what each rollback would restore, in order. */
    public List<String> productionChain(String type) {
        List<String> chain = new ArrayList<>(productionStack.getOrDefault(type, List.of()));
        java.util.Collections.reverse(chain);
        return chain;
    }
}
