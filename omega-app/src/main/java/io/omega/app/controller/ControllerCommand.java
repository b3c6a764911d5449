package io.omega.app.controller;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.schemas.serde.OmegaSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        Path stateDir = loaded.storage().dataDir().resolve("controller");
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // The JVM exits when the hooks return: this one waits until the applications have committed and closed.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "omega-controller-shutdown"));
        try (ControllerService controller = new ControllerService(loaded, new OmegaSerdes(loaded.schemaRegistry()),
                stateDir)) {
            controller.start();
            out.println(ControllerStartupLine.of(loaded));
            out.println("Dashboard and status API on " + controller.url() + " (GET /api/ai/learning_status)");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopRequested.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
