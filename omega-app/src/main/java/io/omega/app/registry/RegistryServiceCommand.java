package io.omega.app.registry;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.registry.RegistryService;
import io.omega.registry.client.RegistryTopics;
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

/** {@code omega registry}: the model registry service, until Ctrl-C. */
@Command(name = "registry", description = {
        "Run the model registry: answers omega.registry-commands with events on omega.registry-events (exactly once),",
        "and serves the REST API (registry.host:registry.port, 127.0.0.1:8081 by default)."})
public final class RegistryServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    private volatile ServiceRunner runner;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig omega = config.load();
        PrintWriter out = spec.commandLine().getOut();
        RegistryService service = new RegistryService(omega, new OmegaSerdes(omega.schemaRegistry()),
                RegistryTopics.catalogue());
        runner = new ServiceRunner(List.of(service));
        runner.run(new ServiceRunner.Listener() {
            @Override
            public void running(Optional<String> metricsUrl) {
                out.printf("Model registry ready on %s (Kafka %s, %d event(s) replayed); changes %s%n",
                        service.baseUrl(), omega.kafka().bootstrapServers(), service.client().state().eventsApplied(),
                        omega.registry().adminToken().isEmpty() ? "disabled: set registry.admin_token"
                                : "need the bearer token");
                out.println("Press Ctrl-C to stop.");
                out.flush();
            }

            @Override
            public void stopped() {
                out.println("Model registry stopped.");
                out.flush();
            }
        });
        return 0;
    }

    /** Asks a running service to stop, as Ctrl-C does. */
    void stop() {
        ServiceRunner running = runner;
        if (running != null) {
            running.stop();
        }
    }
}
