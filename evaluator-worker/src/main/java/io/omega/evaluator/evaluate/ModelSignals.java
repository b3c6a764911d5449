package io.omega.evaluator.evaluate;

import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.artifact.LoadedModel;
import io.omega.learning.artifact.ModelMetadata;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.dataset.Sample;
import io.omega.learning.dataset.Segment;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.dataset.WindowedDataset;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a model says about each bar of an evaluation window: its windows are cut exactly as in training (the
 * features, window size and normalisation of its metadata), and its output becomes long and short probabilities.
 * A direction model's UP is long and DOWN short; a return model is long with probability 1 when it predicts a
 * rise, short when a fall.
 */
final class ModelSignals {

    /** One prediction: the bar's price, and what the model would do there. */
    record Prediction(double price, double longProbability, double shortProbability) {
    }

    private static final int BATCH = 512;

    private ModelSignals() {
    }

    /** Predictions by bar time (epoch millis), for one symbol's rows. */
    static TreeMap<Long, Prediction> predict(LoadedModel model, List<MarketRow> rows, Duration maxStep) {
        ModelMetadata meta = model.metadata();
        TargetType target = TargetType.valueOf(meta.target().toUpperCase(Locale.ROOT));
        if (target == TargetType.OUTCOME) {
            throw new IllegalArgumentException(meta.modelType() + " " + meta.version() + " predicts trade outcomes, not "
                    + "price moves: a backtest needs a direction or return model");
        }
        // The horizon only decides which windows have labels; for predicting, every window counts, so use 1.
        DatasetSpec spec = new DatasetSpec(meta.features(), meta.windowSize(), 1, TargetType.RETURN, maxStep,
                DatasetSpec.DEFAULT_GAP_FACTOR, DatasetSpec.DEFAULT_MAX_FORWARD_FILL, 0.15, 0.15, 1);
        WindowedDataset windows = new DatasetBuilder().buildFromLogs(rows, spec);
        WindowTensors tensors = new WindowTensors(model.network().params().dataType());
        TreeMap<Long, Prediction> out = new TreeMap<>();
        List<Sample> samples = new java.util.ArrayList<>(windows.samples());
        // The last window of each segment has no label ahead of it, so the builder leaves it out; a prediction needs
        // none, and the engine decided there too (before a gap, or at the end of the logs).
        for (int s = 0; s < windows.segments().size(); s++) {
            Segment segment = windows.segments().get(s);
            int end = segment.length() - 1;
            if (end >= meta.windowSize() - 1) {
                samples.add(new Sample(s, end, segment.times()[end], segment.times()[end], -1, 0));
            }
        }
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            INDArray output = model.network().output(tensors.features(windows, batch, meta.normalization()), false);
            for (int i = 0; i < batch.size(); i++) {
                Sample s = batch.get(i);
                Segment segment = windows.segments().get(s.segment());
                double pLong;
                double pShort;
                if (target == TargetType.DIRECTION) {
                    int up = meta.classes().indexOf("UP");
                    int down = meta.classes().indexOf("DOWN");
                    pLong = output.getDouble(i, up);
                    pShort = output.getDouble(i, down);
                } else {
                    double predicted = output.getDouble(i, 0);
                    pLong = predicted > 0 ? 1 : 0;
                    pShort = predicted < 0 ? 1 : 0;
                }
                out.put(s.endTime().toEpochMilli(), new Prediction(segment.prices()[s.end()], pLong, pShort));
            }
        }
        return out;
    }

}
