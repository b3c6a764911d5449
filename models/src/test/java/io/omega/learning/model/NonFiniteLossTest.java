package io.omega.learning.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.Sample;
import io.omega.learning.dataset.SyntheticRows;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.dataset.WindowedDataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class NonFiniteLossTest {

    @Test
    void anInfiniteLossStopsTrainingWithAClearError() {
        DatasetSpec spec = new DatasetSpec(List.of("ret", "trend", "noise"), 10, 2, TargetType.RETURN, null, 3.0, 2,
                0.2, 0.2, 5);
        WindowedDataset ds = new DatasetBuilder().buildFromLogs(SyntheticRows.randomWalk("BTC", 200, 8), spec);
        // Labels far beyond float range: the loss of the first batch is infinite.
        List<Sample> broken = ds.samples().stream()
                .map(s -> new Sample(s.segment(), s.end(), s.endTime(), s.labelTime(), s.classLabel(), 1e300)).toList();
        DatasetSplit split = new ChronologicalSplitter().trainTestSplit(
                new WindowedDataset(ds.spec(), ds.segments(), broken, ds.classes(), ds.report()));
        NormalizationStats stats = new FeatureNormalizer().fit(split.dataset(), split.train());
        var net = new ModelFactory(NetworkSettings.defaults(1))
                .buildModel(ModelType.CNN, new InputShape(10, 3), 1, OutputKind.REGRESSION);
        assertThatThrownBy(() -> new ModelTrainer(new WindowTensors(DataType.FLOAT))
                .train(net, split, stats, new TrainOptions(3, 32, 10, 1), TrainingListener.NONE))
                .isInstanceOf(NonFiniteLossException.class)
                .hasMessageContaining("training loss became")
                .hasMessageContaining("in epoch 1");
    }
}
