package io.omega.learning.dataset;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns normalised windows into DL4J tensors. The dataset's view is {@code [samples, window, features]}; the
 * networks take DL4J's NCW layout {@code [samples, features, window]}, so the axes are swapped here, once.
 */
public final class WindowTensors {

    private final DataType dataType;

    public WindowTensors(DataType dataType) {
        this.dataType = dataType;
    }

    public INDArray features(WindowedDataset dataset, List<Sample> samples, NormalizationStats stats) {
        int window = dataset.spec().windowSize();
        int features = dataset.spec().features().size();
        float[] out = new float[samples.size() * features * window];
        int i = 0;
        for (Sample s : samples) {
            double[][] values = dataset.segments().get(s.segment()).values();
            int first = s.end() - window + 1;
            for (int f = 0; f < features; f++) {
                for (int t = 0; t < window; t++) {
                    out[i++] = (float) stats.apply(f, values[first + t][f]);
                }
            }
        }
        return Nd4j.create(out, new long[] {samples.size(), features, window}, 'c').castTo(dataType);
    }

    /** One live window, {@code [window][feature]} raw values, as a batch of one. */
    public INDArray single(double[][] window, NormalizationStats stats) {
        int steps = window.length;
        int features = stats.features().size();
        float[] out = new float[features * steps];
        for (int f = 0; f < features; f++) {
            for (int t = 0; t < steps; t++) {
                out[f * steps + t] = (float) stats.apply(f, window[t][f]);
            }
        }
        return Nd4j.create(out, new long[] {1, features, steps}, 'c').castTo(dataType);
    }

    public INDArray labels(WindowedDataset dataset, List<Sample> samples) {
        if (!dataset.isClassification()) {
            float[] out = new float[samples.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) samples.get(i).value();
            }
            return Nd4j.create(out, new long[] {samples.size(), 1}, 'c').castTo(dataType);
        }
        int classes = dataset.classes().size();
        float[] out = new float[samples.size() * classes];
        for (int i = 0; i < samples.size(); i++) {
            out[i * classes + samples.get(i).classLabel()] = 1f;
        }
        return Nd4j.create(out, new long[] {samples.size(), classes}, 'c').castTo(dataType);
    }

    public DataSet dataSet(WindowedDataset dataset, List<Sample> samples, NormalizationStats stats) {
        return new DataSet(features(dataset, samples, stats), labels(dataset, samples));
    }
}
