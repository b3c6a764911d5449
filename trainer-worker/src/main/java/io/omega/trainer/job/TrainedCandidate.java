package io.omega.trainer.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model a training run produced and saved: what the registry needs to register it as a candidate.
 *
 * @param artifactUri where the saved model lies (a path under the data directory)
 * @param sha256      checksum of the artifact, hex
 * @param config      the training configuration, as text, for the registry's lineage
 */
public record TrainedCandidate(String modelType, String version, String artifactUri, String sha256,
                               Map<String, Double> metrics, Map<String, String> config, Instant dataFrom,
                               Instant dataTo) {

    public TrainedCandidate {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(artifactUri, "artifactUri");
        Objects.requireNonNull(sha256, "sha256");
        metrics = Map.copyOf(metrics);
        config = Map.copyOf(config);
    }
}
