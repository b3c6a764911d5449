package io.omega.registry.model;

import io.omega.schemas.event.RegistryEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mutable state of one model type, changed in place by one event at a time (O(log n) per event, where copying an
 * immutable state would cost O(n)); readers get immutable {@link ModelTypeState} snapshots, built when first asked
 * for after a change. Every method runs under this object's lock.
 */
final class TypeLedger {

    private final String modelType;
    private final TreeMap<String, ModelVersion> versions = new TreeMap<>();
    private final List<ProductionTenure> history = new ArrayList<>();
    private String productionVersion;
    private ModelTypeState snapshot;

    TypeLedger(String modelType) {
        this.modelType = modelType;
    }

    synchronized ModelTypeState snapshot() {
        if (snapshot == null) {
            snapshot = new ModelTypeState(modelType, versions, productionVersion, history);
        }
        return snapshot;
    }

    synchronized ModelVersion version(String version) {
        return version == null ? null : versions.get(version);
    }

    synchronized String productionVersion() {
        return productionVersion;
    }

    /** Applies an event; it was validated when it was decided, so a contradiction is a corrupt log. */
    synchronized void apply(RegistryEvent event) {
        Instant at = event.getEventTime();
        String v = event.getVersion();
        switch (event.getEventType()) {
            case REGISTERED -> {
                require(!versions.containsKey(v), event, "version already registered");
                versions.put(v, new ModelVersion(modelType, v, ModelStatus.CANDIDATE, event.getArtifactUri(),
                        event.getArtifactSha256(), event.getConfig(), event.getMetrics(), event.getDataFrom(),
                        event.getDataTo(), at, event.getActor(), event.getReason(), null, at));
            }
            case PROMOTED -> {
                ModelVersion candidate = existing(v, event);
                require(candidate.status() == ModelStatus.CANDIDATE, event, "promoted version is not a candidate");
                require(Objects.equals(productionVersion, event.getPreviousVersion()), event,
                        "previous version differs from production " + productionVersion);
                if (productionVersion != null) {
                    versions.put(productionVersion, versions.get(productionVersion).withStatus(ModelStatus.ARCHIVED, at));
                    endCurrentTenure(at, "PROMOTED", event, v);
                }
                versions.put(v, candidate.promoted(productionVersion, at));
                history.add(new ProductionTenure(v, "PROMOTED", at, event.getActor(), event.getReason(),
                        productionVersion, null, null, null, null, null));
                productionVersion = v;
            }
            case ROLLED_BACK -> {
                require(productionVersion != null && productionVersion.equals(event.getPreviousVersion()), event,
                        "rolled back from a version that is not production " + productionVersion);
                ModelVersion current = versions.get(productionVersion);
                require(Objects.equals(v, current.previousVersion()), event, "restored version is not the rollback target");
                ModelVersion restored = v == null ? null : existing(v, event); // checked before anything changes
                versions.put(productionVersion, current.withStatus(ModelStatus.ARCHIVED, at));
                endCurrentTenure(at, "ROLLED_BACK", event, v);
                if (restored != null) {
                    versions.put(v, restored.withStatus(ModelStatus.PRODUCTION, at));
                    history.add(new ProductionTenure(v, "ROLLED_BACK", at, event.getActor(), event.getReason(),
                            productionVersion, null, null, null, null, null));
                }
                productionVersion = v;
            }
            case ARCHIVED -> {
                ModelVersion archived = existing(v, event);
                require(archived.status() == ModelStatus.CANDIDATE, event, "archived version was not a candidate");
                versions.put(v, archived.withStatus(ModelStatus.ARCHIVED, at));
            }
            default -> {
                return;
            }
        }
        snapshot = null;
    }

    private void endCurrentTenure(Instant at, String how, RegistryEvent event, String successor) {
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

    private static void require(boolean condition, RegistryEvent event, String problem) {
        if (!condition) {
            throw new IllegalStateException("registry event " + event.getId() + " (" + event.getEventType() + " "
                    + event.getModelType() + " " + event.getVersion() + ") contradicts the state: " + problem);
        }
    }
}
