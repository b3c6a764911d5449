package io.omega.registry.client;

import java.time.Instant;
import java.util.Map;

/** What registering a model says about it: the arguments of {@link RegistryClient#registerModel}. */
public record ModelRegistration(String modelType, String version, String artifactUri, String artifactSha256,
                                Map<String, String> config, Map<String, Double> metrics, Instant dataFrom,
                                Instant dataTo) {

    public ModelRegistration {
        config = Map.copyOf(config);
        metrics = Map.copyOf(metrics);
    }
}
