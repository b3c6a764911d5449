package io.omega.learning.artifact;

import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.TrainingResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code .json} beside a model zip: everything needed to feed the model the same inputs it was trained on
 * (features in order, window, normalisation), what it predicts, how it was trained, on which data, how well it
 * did, and the SHA-256 of the zip. {@code version}, {@code createdAt} and {@code sha256} are set by the store.
 */
public record ModelMetadata(String modelType, String version, String createdAt, String target, List<String> classes,
                            List<String> features, int windowSize, int predictionHorizon,
                            NormalizationStats normalization, Map<String, Object> trainingConfig, DataRange dataRange,
                            ModelMetrics metrics, String nativeBuild, String sha256) {

    public static ModelMetadata of(ModelType type, DatasetSplit split, NormalizationStats stats, TrainingResult result,
                                   Map<String, Object> trainingConfig) {
        var dataset = split.dataset();
        var spec = dataset.spec();
        DataRange range = new DataRange(String.valueOf(dataset.firstTime()), String.valueOf(dataset.lastTime()),
                String.valueOf(split.validationStart()), String.valueOf(split.testStart()), split.train().size(),
                split.validation().size(), split.test().size(), split.purged());
        ModelMetrics metrics = new ModelMetrics(result.validation(), result.test(), result.bestEpoch(), result.epochsRun());
        return new ModelMetadata(type.id(), null, null, spec.target().name().toLowerCase(Locale.ROOT),
                dataset.classes(), spec.features(), spec.windowSize(), spec.predictionHorizon(), stats,
                Map.copyOf(trainingConfig), range, metrics,
                System.getProperty("org.bytedeco.javacpp.platform.extension", ""), null);
    }

    ModelMetadata stamped(String newVersion, String created, String checksum) {
        return new ModelMetadata(modelType, newVersion, created, target, classes, features, windowSize,
                predictionHorizon, normalization, trainingConfig, dataRange, metrics, nativeBuild, checksum);
    }
}
