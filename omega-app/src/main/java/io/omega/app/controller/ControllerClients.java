package io.omega.app.controller;

import io.omega.app.rest.RestClient;
import io.omega.config.OmegaConfig;

/** A REST client for the controller's API, where the configuration says it listens unless a URL is given. */
final class ControllerClients {

    private ControllerClients() {
    }

    static RestClient of(OmegaConfig config, String url, String token) {
        var d = config.dashboard();
        String base = url != null ? url : "http://" + d.host() + ":" + d.port();
        return new RestClient(base, "/api/ai", token != null ? token : d.adminToken(), "the controller",
                "omega controller");
    }
}
