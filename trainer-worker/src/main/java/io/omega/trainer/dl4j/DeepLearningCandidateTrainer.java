package io.omega.trainer.dl4j;

import io.omega.config.TrainingConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.artifact.SavedModel;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.model.ClassificationMetrics;
import io.omega.learning.model.EpochProgress;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.model.TrainingListener;
import io.omega.learning.model.TrainingResult;
import io.omega.learning.pipeline.OfflineTraining;
import io.omega.trainer.job.CandidateTrainer;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A training run on Deeplearning4j, from the experience files to a saved, checksummed model: the production
 * decisions of the last days through the models module's {@link OfflineTraining} (windows, chronological purged split,
 * normalisation fitted on the training part, early stopping, zip and metadata). Offline training, end to end.
 */
public final class DeepLearningCandidateTrainer implements CandidateTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DeepLearningCandidateTrainer.class);

    private final TrainingConfig defaults;
    private final TrainingRows rows;
    private final ModelArtifactStore artifacts;
    private final Path dataDir;
    private final Consumer<EpochProgress> progress;
    private final Duration waitForData;

    /**
     * @param defaults  the {@code training} section: learning rate, patience, seed and split fractions (a request
     *                  names the rest)
     * @param progress  told of every epoch (the CLI draws its progress bar from it)
     */
    public DeepLearningCandidateTrainer(TrainingConfig defaults, TrainingRows rows, ModelArtifactStore artifacts,
                                        Path dataDir, Consumer<EpochProgress> progress) {
        this(defaults, rows, artifacts, dataDir, progress, Duration.ZERO);
    }

    /**
     * @param waitForData how long a request with {@code data_up_to} waits for the sink to have filed the experience up
     *                    to then before training on what is there (the sink's flush interval and a margin)
     */
    public DeepLearningCandidateTrainer(TrainingConfig defaults, TrainingRows rows, ModelArtifactStore artifacts,
                                        Path dataDir, Consumer<EpochProgress> progress, Duration waitForData) {
        NativeRuntime.ensureConfigured();
        this.waitForData = waitForData;
        this.defaults = defaults;
        this.rows = rows;
        this.artifacts = artifacts;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.progress = progress;
    }

    @Override
    public TrainedCandidate train(TrainingJob job) {
        ModelType type = ModelType.parse(job.modelType());
        TrainingRows.Loaded loaded = job.dataUpTo() == null ? rows.load(job.daysBack())
                : rows.load(job.daysBack(), filedThrough(job));
        if (loaded.rows().isEmpty()) {
            throw new IllegalStateException("no decisions logged in the last " + job.daysBack() + " day(s) under "
                    + dataDir.resolve("experiences") + " (" + loaded.filesRead() + " files read, "
                    + loaded.shadowSkipped() + " shadow decisions left out)");
        }
        if (loaded.features().isEmpty()) {
            throw new IllegalStateException("no market feature is present in at least "
                    + (int) (TrainingRows.MIN_FEATURE_COVERAGE * 100) + " % of the " + loaded.rows().size() + " decisions");
        }
        TrainingConfig run = new TrainingConfig(job.daysBack(), job.epochs(), job.batchSize(), job.windowSize(),
                job.predictionHorizon(), TrainingConfig.TargetType.valueOf(job.targetType().name()),
                defaults.earlyStoppingPatience(), defaults.learningRate(), defaults.seed(), defaults.validationFraction(),
                defaults.testFraction());
        LOG.info("training {} for request {} on {} decisions with features {}", type.id(), job.requestId(),
                loaded.rows().size(), loaded.features());
        OfflineTraining.Outcome outcome = new OfflineTraining(artifacts).run(type, loaded.rows(),
                DatasetSpec.of(loaded.features(), run), run, new StopOnInterrupt(progress));
        SavedModel saved = outcome.saved();
        Map<String, String> config = new LinkedHashMap<>();
        saved.metadata().trainingConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
        return new TrainedCandidate(type.id(), saved.version(), dataDir.relativize(saved.zip().toAbsolutePath()
                .normalize()).toString(), saved.metadata().sha256(), metrics(outcome.result()), config,
                outcome.dataset().firstTime(), outcome.dataset().lastTime());
    }

    /** Waits (at most {@code waitForData}) until the experience up to the request's time is on file; returns it. */
    private Instant filedThrough(TrainingJob job) {
        long deadline = System.nanoTime() + waitForData.toNanos();
        while (!rows.filedThrough(job.dataUpTo())) {
            if (System.nanoTime() >= deadline) {
                LOG.warn("training {} on what is filed: the experience up to {} was not all on file after {} s",
                        job.requestId(), job.dataUpTo(), waitForData.toSeconds());
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the experience up to " + job.dataUpTo(), e);
            }
        }
        return job.dataUpTo();
    }

    /** Validation and test metrics as the registry keeps them: {@code val_accuracy}, {@code test_f1}, ... */
    static Map<String, Double> metrics(TrainingResult result) {
        Map<String, Double> m = new HashMap<>();
        put(m, "val_", result.validation());
        put(m, "test_", result.test());
        m.put("best_epoch", (double) result.bestEpoch());
        m.put("epochs_run", (double) result.epochsRun());
        return m;
    }

    private static void put(Map<String, Double> into, String prefix, ClassificationMetrics metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", metrics.accuracy());
        values.put("precision", metrics.precision());
        values.put("recall", metrics.recall());
        values.put("f1", metrics.f1());
        values.put("loss", metrics.loss());
        values.put("mse", metrics.meanSquaredError());
        values.put("samples", (double) metrics.samples());
        values.forEach((k, v) -> {
            // The registry refuses non-finite metrics; an undefined one (no positive prediction) is left out.
            if (v != null && Double.isFinite(v)) {
                into.put(prefix + k, v);
            }
        });
    }

    /** Lets an abandoned run stop at the next epoch: Deeplearning4j does not look at interrupts itself. */
    private record StopOnInterrupt(Consumer<EpochProgress> progress) implements TrainingListener {
        @Override
        public void onEpoch(EpochProgress epoch) {
            progress.accept(epoch);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("training abandoned after epoch " + epoch.epoch());
            }
        }
    }
}
