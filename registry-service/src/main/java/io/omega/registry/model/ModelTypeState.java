package io.omega.registry.model;

import io.omega.schemas.event.RegistryEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the registry knows about one model type, as of some event: an immutable value, so readers always see
 * a consistent picture while the event follower moves on.
 *
 * @param versions          every registered version, by version id (ids sort by time)
 * @param productionVersion the production version, or null
 * @param history           every stretch in production, oldest first
 */
public record ModelTypeState(String modelType, Map<String, ModelVersion> versions, String productionVersion,
                             List<ProductionTenure> history) {

    public ModelTypeState {
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        history = List.copyOf(history);
    }

    public static ModelTypeState empty(String modelType) {
        return new ModelTypeState(modelType, Map.of(), null, List.of());
    }

    public Optional<ModelVersion> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    public Optional<ModelVersion> production() {
        return productionVersion == null ? Optional.empty() : version(productionVersion);
    }

    /** Where a rollback would go now: the version the production version replaced. */
    public Optional<String> rollbackTarget() {
        return production().map(ModelVersion::previousVersion);
    }

    /** Every version, oldest first. */
    public List<ModelVersion> list() {
        return List.copyOf(versions.values());
    }

    public long count(ModelStatus status) {
        return versions.values().stream().filter(v -> v.status() == status).count();
    }

    /** The candidate with the highest value of {@code metric}; among equals, the newest. */
    public Optional<ModelVersion> bestCandidate(String metric) {
        return versions.values().stream()
                .filter(v -> v.status() == ModelStatus.CANDIDATE && v.metrics().containsKey(metric))
                .max(Comparator.<ModelVersion>comparingDouble(v -> v.metrics().get(metric))
                        .thenComparing(ModelVersion::version));
    }

    /** This state after {@code event}; the event was validated when it was decided, so a contradiction is a corrupt log. */
    ModelTypeState apply(RegistryEvent event) {
        Instant at = Instant.ofEpochMilli(event.getEventTime().toEpochMilli());
        String v = event.getVersion();
        TreeMap<String, ModelVersion> next = new TreeMap<>(versions);
        List<ProductionTenure> nextHistory = new ArrayList<>(history);
        switch (event.getEventType()) {
            case REGISTERED -> {
                require(!versions.containsKey(v), event, "version already registered");
                next.put(v, new ModelVersion(modelType, v, ModelStatus.CANDIDATE, event.getArtifactUri(),
                        event.getArtifactSha256(), event.getConfig(), event.getMetrics(), instant(event.getDataFrom()),
                        instant(event.getDataTo()), at, event.getActor(), event.getReason(), null, at));
                return new ModelTypeState(modelType, next, productionVersion, nextHistory);
            }
            case PROMOTED -> {
                ModelVersion candidate = existing(v, event);
                require(candidate.status() == ModelStatus.CANDIDATE, event, "promoted version is not a candidate");
                require(java.util.Objects.equals(productionVersion, event.getPreviousVersion()), event,
                        "previous version differs from production " + productionVersion);
                if (productionVersion != null) {
                    next.put(productionVersion, versions.get(productionVersion).withStatus(ModelStatus.ARCHIVED, at));
                    endCurrentTenure(nextHistory, at, "PROMOTED", event, v);
                }
                next.put(v, candidate.promoted(productionVersion, at));
                nextHistory.add(new ProductionTenure(v, "PROMOTED", at, event.getActor(), event.getReason(),
                        productionVersion, null, null, null, null, null));
                return new ModelTypeState(modelType, next, v, nextHistory);
            }
            case ROLLED_BACK -> {
                require(productionVersion != null && productionVersion.equals(event.getPreviousVersion()), event,
                        "rolled back from a version that is not production " + productionVersion);
                ModelVersion current = versions.get(productionVersion);
                require(v != null && v.equals(current.previousVersion()), event, "restored version is not the rollback target");
                ModelVersion restored = existing(v, event);
                next.put(productionVersion, current.withStatus(ModelStatus.ARCHIVED, at));
                next.put(v, restored.withStatus(ModelStatus.PRODUCTION, at));
                endCurrentTenure(nextHistory, at, "ROLLED_BACK", event, v);
                nextHistory.add(new ProductionTenure(v, "ROLLED_BACK", at, event.getActor(), event.getReason(),
                        productionVersion, null, null, null, null, null));
                return new ModelTypeState(modelType, next, v, nextHistory);
            }
            case ARCHIVED -> {
                ModelVersion archived = existing(v, event);
                require(archived.status() == ModelStatus.CANDIDATE, event, "archived version was not a candidate");
                next.put(v, archived.withStatus(ModelStatus.ARCHIVED, at));
                return new ModelTypeState(modelType, next, productionVersion, nextHistory);
            }
            default -> {
                return this;
            }
        }
    }

    private static void endCurrentTenure(List<ProductionTenure> history, Instant at, String how, RegistryEvent event,
                                         String successor) {
        int last = history.size() - 1;
        if (last >= 0 && history.get(last).current()) {
            history.set(last, history.get(last).ended(at, how, event.getActor(), event.getReason(), successor));
        }
    }

    private ModelVersion existing(String version, RegistryEvent event) {
        ModelVersion found = version == null ? null : versions.get(version);
        require(found != null, event, "version " + version + " is not registered");
        return found;
    }

    private static Instant instant(java.time.Instant value) {
        return value == null ? null : Instant.ofEpochMilli(value.toEpochMilli());
    }

    private static void require(boolean condition, RegistryEvent event, String problem) {
        if (!condition) {
            throw new IllegalStateException("registry event " + event.getId() + " (" + event.getEventType() + " "
                    + event.getModelType() + " " + event.getVersion() + ") contradicts the state: " + problem);
        }
    }
}
