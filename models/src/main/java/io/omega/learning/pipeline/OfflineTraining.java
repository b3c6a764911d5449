package io.omega.learning.pipeline;

import io.omega.config.TrainingConfig;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.artifact.ModelMetadata;
import io.omega.learning.artifact.SavedModel;
import io.omega.learning.artifact.TrainingConfigMap;
import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.dataset.WindowedDataset;
import io.omega.learning.model.InputShape;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelTrainer;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import io.omega.learning.model.TrainOptions;
import io.omega.learning.model.TrainingListener;
import io.omega.learning.model.TrainingResult;
import java.util.Collection;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One offline training run, start to end: windows from logged rows, chronological purged split, normalisation
 * on the training part, the network, training with early stopping, and the saved artifact. What a trainer
 * service or {@code omega train} calls; each step stays usable on its own.
 */
public final class OfflineTraining {

    private final ModelArtifactStore store;

    public OfflineTraining(ModelArtifactStore store) {
        this.store = store;
    }

    public record Outcome(SavedModel saved, TrainingResult result, WindowedDataset dataset, DatasetSplit split) {
    }

    public Outcome run(ModelType type, Collection<MarketRow> rows, DatasetSpec spec, TrainingConfig config,
                       TrainingListener listener) {
        WindowedDataset dataset = new DatasetBuilder().buildFromLogs(rows, spec);
        DatasetSplit split = new ChronologicalSplitter().trainTestSplit(dataset);
        NormalizationStats stats = new FeatureNormalizer().fit(dataset, split.train());
        NetworkSettings settings = NetworkSettings.from(config);
        boolean classification = dataset.isClassification();
        MultiLayerNetwork network = new ModelFactory(settings).buildModel(type,
                new InputShape(spec.windowSize(), spec.features().size()),
                classification ? dataset.classes().size() : 1,
                classification ? OutputKind.CLASSIFICATION : OutputKind.REGRESSION);
        TrainingResult result = new ModelTrainer(new WindowTensors(settings.dataType()))
                .train(network, split, stats, TrainOptions.from(config), listener);
        ModelMetadata metadata = ModelMetadata.of(type, split, stats, result, TrainingConfigMap.of(config, type.id()));
        return new Outcome(store.saveModel(type, network, metadata), result, dataset, split);
    }
}
