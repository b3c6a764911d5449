package io.omega.app.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omega.app.ConfigOption;
import io.omega.app.rest.RestClient;
import io.omega.config.OmegaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code omega status}: the learning status JSON of a running controller. */
@Command(name = "status", description = "Print the learning status JSON of a running controller.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--url", description = "the controller (default: http://dashboard.host:dashboard.port)")
    String url;

    @Override
    public Integer call() throws Exception {
        OmegaConfig omega = config.load();
        RestClient client = ControllerClients.of(omega, url, null);
        try {
            RestClient.Response response = client.get("learning_status");
            if (response.status() != 200) {
                spec.commandLine().getErr().println("omega status: " + response.message());
                return 1;
            }
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(response.body()));
            return 0;
        } catch (RestClient.Unreachable e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 3;
        }
    }
}
