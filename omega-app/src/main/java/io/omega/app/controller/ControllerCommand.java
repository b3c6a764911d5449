package io.omega.app.controller;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.ServiceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code omega controller}: the self-learning controller until Ctrl-C: live monitoring and rollback, the promotion
 * gate and the retrain trigger. Its Streams state lives under {@code storage.data_dir/controller}.
 */
@Command(name = "controller", description = "Run the self-learning controller: live monitoring and auto-rollback, "
        + "the promotion gate, retrain triggers.")
public final class ControllerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        ControllerService controller = new ControllerService(loaded, new OmegaSerdes(loaded.schemaRegistry()),
                loaded.storage().dataDir().resolve("controller"));
        new ServiceRunner(List.of(controller)).run(new ServiceRunner.Listener() {
            @Override
            public void running(Optional<String> metricsUrl) {
                out.println(ControllerStartupLine.of(loaded));
                out.println("Dashboard and status API on " + controller.url() + " (GET /api/ai/learning_status)");
                out.println("Press Ctrl-C to stop.");
                out.flush();
            }
        });
        return 0;
    }
}
