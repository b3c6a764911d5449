package io.omega.app.trainer;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.MetricsEndpoint;
import io.omega.service.ServiceRunner;
import io.omega.trainer.loop.TrainerService;
import io.omega.trainer.loop.TrainerSettings;
import io.omega.trainer.loop.TrainerWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code omega trainer}: the trainer worker until Ctrl-C. */
@Command(name = "trainer", description = "Run the trainer worker: training requests to trained candidates, "
        + "registered with the model registry.")
public final class TrainerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        TrainerSettings settings = TrainerSettings.from(loaded.kafka());
        TrainerWorker trainer = TrainerWorker.create(settings,
                new OmegaSerdes(loaded.schemaRegistry()),
                CandidateTrainers.deepLearning(loaded, epoch -> LOG.info("epoch {}/{}: train loss {}, validation "
                                + "accuracy {}, best epoch {}", epoch.epoch(), epoch.maxEpochs(), epoch.trainLoss(),
                        epoch.validation().accuracy(), epoch.bestEpoch())),
                Clock.systemUTC());
        new ServiceRunner(List.of(TrainerService.of(trainer)), new MetricsEndpoint.Address(loaded.metrics().host(),
                loaded.metrics().trainerPort())).run(new ServiceRunner.Listener() {
            @Override
            public void running(Optional<String> metricsUrl) {
                out.printf("Trainer worker on %s (group %s), models under %s, metrics on %s. Press Ctrl-C to stop.%n",
                        settings.bootstrapServers(), settings.groupId(), loaded.storage().dataDir().resolve("models"),
                        metricsUrl.orElseThrow());
                out.flush();
            }

            @Override
            public void stopped() {
                out.println("Trainer worker stopped: " + trainer.stats());
                out.flush();
            }
        });
        return 0;
    }
}
