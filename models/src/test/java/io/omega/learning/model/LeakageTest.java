package io.omega.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.Sample;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.dataset.WindowedDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * With labels shuffled, no feature can carry information about them: a pipeline that leaks labels into features
 * (or validation rows into training) would still score above chance. The same data with the true labels is the
 * positive control, proving the model can learn and the check can fail.
 */
class LeakageTest {

    private final ModelTrainer trainer = new ModelTrainer(new WindowTensors(DataType.FLOAT));

    private TrainingResult trainCnn(DatasetSplit split) {
        NormalizationStats stats = new FeatureNormalizer().fit(split.dataset(), split.train());
        var net = new ModelFactory(NetworkSettings.defaults(21))
                .buildModel(ModelType.CNN, new InputShape(TrainingFixtures.WINDOW, 3), 2, OutputKind.CLASSIFICATION);
        return trainer.train(net, split, stats, new TrainOptions(6, 64, 10, 21), TrainingListener.NONE);
    }

    @Test
    void withShuffledLabelsValidationAccuracyStaysWithinTheChanceBand() {
        DatasetSplit real = TrainingFixtures.predictableSplit(700);
        WindowedDataset ds = real.dataset();
        List<Integer> labels = new ArrayList<>(ds.samples().stream().map(Sample::classLabel).toList());
        Collections.shuffle(labels, new Random(99));
        List<Sample> shuffled = new ArrayList<>();
        for (int i = 0; i < ds.samples().size(); i++) {
            Sample s = ds.samples().get(i);
            shuffled.add(new Sample(s.segment(), s.end(), s.endTime(), s.labelTime(), labels.get(i), s.value()));
        }
        DatasetSplit noise = new ChronologicalSplitter().trainTestSplit(
                new WindowedDataset(ds.spec(), ds.segments(), shuffled, ds.classes(), ds.report()));

        TrainingResult control = trainCnn(real);
        TrainingResult shuffledResult = trainCnn(noise);

        int n = noise.validation().size();
        double up = noise.validation().stream().filter(s -> s.classLabel() == 1).count() / (double) n;
        double sigma = Math.sqrt(0.25 / n);
        double upper = Math.max(up, 1 - up) + 3 * sigma;
        double lower = Math.min(up, 1 - up) - 3 * sigma;
        assertThat(n).isGreaterThan(200);
        assertThat(shuffledResult.validation().accuracy()).isBetween(lower, upper);
        assertThat(control.validation().accuracy()).isGreaterThan(upper + 0.1);
    }
}
