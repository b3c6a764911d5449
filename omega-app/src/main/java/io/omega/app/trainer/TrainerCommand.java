package io.omega.app.trainer;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.MetricsEndpoint;
import io.omega.trainer.loop.TrainerMetrics;
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
    public Integer call() {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        TrainerSettings settings = TrainerSettings.from(loaded.kafka());
        TrainerWorker worker = TrainerWorker.create(settings, new OmegaSerdes(loaded.schemaRegistry()),
                CandidateTrainers.deepLearning(loaded, epoch -> LOG.info("epoch {}/{}: train loss {}, validation "
                                + "accuracy {}, best epoch {}", epoch.epoch(), epoch.maxEpochs(), epoch.trainLoss(),
                        epoch.validation().accuracy(), epoch.bestEpoch())),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "omega-trainer-shutdown"));
        try (MetricsEndpoint metrics = new MetricsEndpoint(loaded.metrics().host(), loaded.metrics().trainerPort())) {
            TrainerMetrics.bind(worker, metrics.registry());
            out.printf("Trainer worker on %s (group %s), models under %s, metrics on %s. Press Ctrl-C to stop.%n",
                    settings.bootstrapServers(), settings.groupId(), loaded.storage().dataDir().resolve("models"),
                    metrics.url());
            out.flush();
            worker.run();
        }
        out.println("Trainer worker stopped: " + worker.stats());
        out.flush();
        return 0;
    }
}
