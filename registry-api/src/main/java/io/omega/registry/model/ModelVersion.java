package io.omega.registry.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One registered model version.
 *
 * @param previousVersion the production version this one replaced when it was promoted: where a rollback from it
 *                        goes. Null until promoted, or when there was no production version then.
 * @param statusSince     when the version reached its current status
 */
public record ModelVersion(String modelType, String version, ModelStatus status, String artifactUri,
                           String artifactSha256, Map<String, String> config, Map<String, Double> metrics,
                           Instant dataFrom, Instant dataTo, Instant registeredAt, String registeredBy,
                           String registrationReason, String previousVersion, Instant statusSince) {

    public ModelVersion {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        config = Map.copyOf(config);
        metrics = Map.copyOf(metrics);
    }

    ModelVersion withStatus(ModelStatus newStatus, Instant since) {
        return new ModelVersion(modelType, version, newStatus, artifactUri, artifactSha256, config, metrics, dataFrom,
                dataTo, registeredAt, registeredBy, registrationReason, previousVersion, since);
    }

    ModelVersion promoted(String replaced, Instant since) {
        return new ModelVersion(modelType, version, ModelStatus.PRODUCTION, artifactUri, artifactSha256, config, metrics,
                dataFrom, dataTo, registeredAt, registeredBy, registrationReason, replaced, since);
    }
}
