package io.omega.app.registry;

import io.omega.app.rest.RestClient;
import io.omega.config.OmegaConfig;

/** Where the command line finds the model registry's REST API: the given URL, else the configured host and port. */
public final class RegistryEndpoint {

    private RegistryEndpoint() {
    }

    public static String baseUrl(OmegaConfig config, String url) {
        return url != null ? url : "http://" + config.registry().host() + ":" + config.registry().port();
    }

    public static RestClient client(OmegaConfig config, String url, String token) {
        return new RestClient(baseUrl(config, url), "/api/models", token, "the model registry", "omega registry");
    }
}
