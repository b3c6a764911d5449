package io.omega.app.evaluator;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.evaluator.evaluate.Evaluators;
import io.omega.evaluator.loop.EvaluatorService;
import io.omega.evaluator.loop.EvaluatorSettings;
import io.omega.evaluator.loop.EvaluatorWorker;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.MetricsEndpoint;
import io.omega.service.ServiceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code omega evaluator}: the evaluator worker until Ctrl-C. */
@Command(name = "evaluator", description = "Run the evaluator worker: every registered candidate backtested beside "
        + "production, evaluations to omega.evaluations, reports under storage.data_dir/reports.")
public final class EvaluatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        EvaluatorSettings settings = EvaluatorSettings.from(loaded);
        EvaluatorWorker evaluator = EvaluatorWorker.create(settings,
                Evaluators.fromConfig(loaded, Clock.systemUTC()), loaded.storage().dataDir(),
                new OmegaSerdes(loaded.schemaRegistry()), Clock.systemUTC());
        new ServiceRunner(List.of(EvaluatorService.of(evaluator)), new MetricsEndpoint.Address(loaded.metrics().host(),
                loaded.metrics().evaluatorPort())).run(new ServiceRunner.Listener() {
            @Override
            public void running(Optional<String> metricsUrl) {
                out.printf("Evaluator worker on %s (group %s), reports under %s, metrics on %s. Press Ctrl-C to stop.%n",
                        settings.bootstrapServers(), settings.groupId(), loaded.storage().dataDir().resolve("reports"),
                        metricsUrl.orElseThrow());
                out.flush();
            }

            @Override
            public void stopped() {
                out.println("Evaluator worker stopped: " + evaluator.stats());
                out.flush();
            }
        });
        return 0;
    }
}
