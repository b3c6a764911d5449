package io.omega.learning.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.WindowTensors;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ModelTrainerTest {

    private static final DatasetSplit SPLIT = TrainingFixtures.predictableSplit(600);
    private static final NormalizationStats STATS = new FeatureNormalizer().fit(SPLIT.dataset(), SPLIT.train());
    private final ModelTrainer trainer = new ModelTrainer(new WindowTensors(DataType.FLOAT));

    private TrainingResult train(ModelType type, long seed, int epochs, int patience, TrainingListener listener) {
        MultiLayerNetwork net = new ModelFactory(NetworkSettings.defaults(seed))
                .buildModel(type, new io.omega.learning.model.InputShape(TrainingFixtures.WINDOW, 3), 2,
                        OutputKind.CLASSIFICATION);
        return trainer.train(net, SPLIT, STATS, new TrainOptions(epochs, 64, patience, seed), listener);
    }

    @Test
    void sameDataAndSeedGiveTheSameMetrics() {
        TrainingResult first = train(ModelType.CNN, 7, 3, 10, TrainingListener.NONE);
        TrainingResult second = train(ModelType.CNN, 7, 3, 10, TrainingListener.NONE);
        assertThat(second.validation()).isEqualTo(first.validation());
        assertThat(second.test()).isEqualTo(first.test());
        assertThat(second.history()).extracting(EpochProgress::trainLoss)
                .containsExactlyElementsOf(first.history().stream().map(EpochProgress::trainLoss).toList());
    }

    @Test
    void sameDataAndSeedGiveTheSameLstmMetrics() {
        TrainingResult first = train(ModelType.LSTM, 3, 2, 10, TrainingListener.NONE);
        TrainingResult second = train(ModelType.LSTM, 3, 2, 10, TrainingListener.NONE);
        assertThat(second.validation()).isEqualTo(first.validation());
        assertThat(second.test()).isEqualTo(first.test());
    }

    @Test
    void reportsEveryEpochAndRestoresTheBestWeightsWhenStoppingEarly() {
        List<EpochProgress> seen = new ArrayList<>();
        List<TrainingResult> finished = new ArrayList<>();
        TrainingResult result = train(ModelType.CNN, 5, 40, 2, new TrainingListener() {
            @Override
            public void onEpoch(EpochProgress progress) {
                seen.add(progress);
            }

            @Override
            public void onFinish(TrainingResult r) {
                finished.add(r);
            }
        });
        assertThat(seen).hasSize(result.epochsRun());
        assertThat(seen).extracting(EpochProgress::epoch).first().isEqualTo(1);
        assertThat(finished).containsExactly(result);
        assertThat(seen).allSatisfy(p -> {
            assertThat(p.trainLoss()).isFinite().isPositive();
            assertThat(p.validation().samples()).isEqualTo(SPLIT.validation().size());
        });
        if (result.stoppedEarly()) {
            assertThat(result.epochsRun()).isEqualTo(result.bestEpoch() + 2);
        }
        double bestValidationLoss = seen.get(result.bestEpoch() - 1).validation().loss();
        assertThat(seen).allSatisfy(p -> assertThat(p.validation().loss()).isGreaterThanOrEqualTo(bestValidationLoss));
        // The restored network is the best epoch's: its validation metrics are that epoch's.
        assertThat(result.validation().loss()).isCloseTo(bestValidationLoss, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.validation().accuracy()).isEqualTo(seen.get(result.bestEpoch() - 1).validation().accuracy());
        // The signal feature makes this learnable: the test part is well above chance.
        assertThat(result.test().accuracy()).isGreaterThan(0.75);
        assertThat(result.test().f1()).isGreaterThan(0.7);
    }
}
