package io.omega.app.trainer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.app.ConfigOption;
import io.omega.app.progress.ProgressBars;
import io.omega.config.OmegaConfig;
import io.omega.learning.model.EpochProgress;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryClient;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code omega train}: offline training. Trains one candidate from the logged experience in the
 * foreground, with a progress bar per epoch, prints its metrics and artifact, and with {@code --register} registers
 * it as a candidate through the registry (waiting for the registry's answer).
 */
@Command(name = "train", description = "Train a CNN or LSTM candidate from the logged experience.")
public final class TrainCommand implements Callable<Integer> {

    /** Exit code when the registry refuses the model. */
    public static final int EXIT_REJECTED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--model-type", required = true, description = "cnn or lstm")
    String modelType;

    @Option(names = "--days-back", description = "days of experience to learn from (default: training.days_back)")
    Integer daysBack;

    @Option(names = "--epochs", description = "most epochs; early stopping may end sooner (default: training.epochs)")
    Integer epochs;

    @Option(names = "--batch-size", description = "default: training.batch_size")
    Integer batchSize;

    @Option(names = "--window-size", description = "steps per input window (default: training.window_size)")
    Integer windowSize;

    @Option(names = "--prediction-horizon", description = "steps ahead (default: training.prediction_horizon)")
    Integer horizon;

    @Option(names = "--target-type", description = "direction, return or outcome (default: training.target_type)")
    String targetType;

    @Option(names = "--register", description = "register the trained model as a candidate")
    boolean register;

    @Override
    public Integer call() {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        var defaults = loaded.training();
        TrainingJob job = TrainingJob.from(new io.omega.schemas.event.TrainingRequest(EventIds.next(),
                java.time.Instant.now(), modelType.toLowerCase(Locale.ROOT),
                daysBack != null ? daysBack : defaults.daysBack(), epochs != null ? epochs : defaults.epochs(),
                batchSize != null ? batchSize : defaults.batchSize(), windowSize != null ? windowSize : defaults.windowSize(),
                horizon != null ? horizon : defaults.predictionHorizon(), target(defaults.targetType().name()),
                TrainingReason.MANUAL, "cli", null));
        TrainedCandidate candidate;
        try (ProgressBar bar = ProgressBars.onStandardError("Training " + job.modelType(), job.epochs())) {
            candidate = CandidateTrainers.deepLearning(loaded, epoch -> step(bar, epoch)).train(job);
        }
        out.println();
        out.printf("Model      %s %s%n", candidate.modelType(), candidate.version());
        out.printf("Artifact   %s%n", loaded.storage().dataDir().resolve(candidate.artifactUri()));
        out.printf("SHA-256    %s%n", candidate.sha256());
        out.printf("Data       %s .. %s%n", candidate.dataFrom(), candidate.dataTo());
        out.println();
        out.printf("%-22s %12s%n", "metric", "value");
        new TreeMap<>(candidate.metrics()).forEach((k, v) -> out.printf("%-22s %12.4f%n", k, v));
        out.flush();
        if (!register) {
            return 0;
        }
        try (RegistryClient registry = RegistryClient.start(loaded, new OmegaSerdes(loaded.schemaRegistry()), "train",
                new SimpleMeterRegistry())) {
            RegistryEvent event = registry.registerModel(new ModelRegistration(candidate.modelType(),
                    candidate.version(), candidate.artifactUri(), candidate.sha256(), candidate.config(),
                    candidate.metrics(), candidate.dataFrom(), candidate.dataTo()), "cli", "omega train --register");
            out.println();
            if (event.getEventType() == RegistryEventType.REJECTED) {
                out.println("Registry REJECTED the model: " + event.getReason());
                out.flush();
                return EXIT_REJECTED;
            }
            out.printf("Registered %s %s as a candidate%n", event.getModelType(), event.getVersion());
            out.flush();
        }
        return 0;
    }

    private TargetType target(String fallback) {
        String name = targetType != null ? targetType : fallback;
        try {
            return TargetType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--target-type must be direction, return or outcome, got '" + name + "'");
        }
    }

    private static void step(ProgressBar bar, EpochProgress epoch) {
        bar.stepTo(epoch.epoch());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f val acc %.3f f1 %.3f best %d %.0f samples/s",
                epoch.trainLoss(), epoch.validation().accuracy(), epoch.validation().f1(), epoch.bestEpoch(),
                epoch.samplesPerSecond()));
    }
}
