package io.omega.registry.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the registry knows about one model type, as of some event: an immutable snapshot, so readers always
 * see a consistent picture while events go on being applied.
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
}
