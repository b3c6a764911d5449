package io.omega.learning.model;

import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.WindowTensors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;

/**
 * Mini-batch training with a seeded shuffle, validation after every epoch, early
 * stopping on the validation loss with the best epoch's weights restored, then metrics on validation and test.
 */
public final class ModelTrainer {

    private final WindowTensors tensors;
    private final MetricsCalculator metrics = new MetricsCalculator();

    public ModelTrainer(WindowTensors tensors) {
        this.tensors = tensors;
    }

    public TrainingResult train(MultiLayerNetwork network, DatasetSplit split, NormalizationStats stats,
                                TrainOptions options, TrainingListener listener) {
        DataSet train = tensors.dataSet(split.dataset(), split.train(), stats);
        DataSet validation = tensors.dataSet(split.dataset(), split.validation(), stats);
        DataSet test = tensors.dataSet(split.dataset(), split.test(), stats);
        boolean classification = split.dataset().isClassification();
        int n = split.train().size();
        Random shuffle = new Random(options.seed());
        listener.onStart(options.epochs(), n, split.validation().size());

        List<EpochProgress> history = new ArrayList<>();
        INDArray bestParams = network.params().dup();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        long started = System.nanoTime();
        int epoch = 0;
        boolean stoppedEarly = false;
        while (epoch < options.epochs()) {
            epoch++;
            long epochStart = System.nanoTime();
            double lossSum = 0;
            int batches = 0;
            for (DataSet batch : batches(train, n, options.batchSize(), shuffle)) {
                network.fit(batch);
                lossSum += network.score();
                batches++;
            }
            double trainLoss = lossSum / batches;
            if (!Double.isFinite(trainLoss)) {
                throw new NonFiniteLossException("training loss became " + trainLoss + " in epoch " + epoch
                        + "; check the features for extreme values or lower the learning rate");
            }
            ClassificationMetrics val = evaluate(network, validation, classification);
            boolean improved = val.loss() < bestLoss;
            if (improved) {
                bestLoss = val.loss();
                bestEpoch = epoch;
                bestParams = network.params().dup();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            EpochProgress progress = new EpochProgress(epoch, options.epochs(), trainLoss, val, improved, bestEpoch,
                    sinceBest, Duration.ofNanos(System.nanoTime() - started), n / seconds);
            history.add(progress);
            listener.onEpoch(progress);
            if (sinceBest >= options.patience()) {
                stoppedEarly = epoch < options.epochs();
                break;
            }
        }
        network.setParams(bestParams);
        TrainingResult result = new TrainingResult(epoch, bestEpoch, stoppedEarly, history,
                evaluate(network, validation, classification), evaluate(network, test, classification));
        listener.onFinish(result);
        return result;
    }

    public ClassificationMetrics evaluate(MultiLayerNetwork network, DataSet data, boolean classification) {
        INDArray output = network.output(data.getFeatures(), false);
        double loss = network.score(data, false);
        return classification
                ? metrics.classification(output, data.getLabels(), loss)
                : metrics.regression(output, data.getLabels(), loss);
    }

    private static List<DataSet> batches(DataSet all, int n, int batchSize, Random shuffle) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        INDArray features = all.getFeatures().get(new SpecifiedIndex(order), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray labels = all.getLabels().get(new SpecifiedIndex(order), NDArrayIndex.all());
        List<DataSet> out = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            out.add(new DataSet(
                    features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'),
                    labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c')));
        }
        return out;
    }
}
