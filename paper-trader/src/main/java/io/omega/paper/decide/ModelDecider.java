package io.omega.paper.decide;

import io.omega.learning.artifact.LoadedModel;
import io.omega.learning.artifact.ModelMetadata;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.model.inference.WindowPredictor;
import io.omega.learning.model.inference.WindowPredictors;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained model as a decider: it keeps, per symbol, the last {@code window_size} feature rows in the order of its
 * metadata, normalises them with the statistics saved with it, and predicts. A direction model's UP is LONG and
 * DOWN is SHORT; until its window is full it says FLAT. A feature the row lacks is carried forward from the last row
 * (as in training); with nothing to carry the window starts over. Put into production or shadow, it is first
 * {@linkplain #warmUp warmed up} with the engine's recent bars, so it decides from its first bar as its backtest did.
 */
public final class ModelDecider implements Decider {

    private final LoadedModel model;
    private final ModelMetadata meta;
    private final WindowTensors tensors;
    /** Live decisions are single windows: ModelFactory's CNN runs them in plain Java (p99 ~0.2 ms against ~1 ms). */
    private final WindowPredictor predictor;
    private final int up;
    private final int down;
    private final Map<String, Deque<double[]>> windows = new HashMap<>();

    public ModelDecider(LoadedModel model) {
        this.model = model;
        this.meta = model.metadata();
        if (!"direction".equals(meta.target().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(meta.modelType() + " " + meta.version() + " predicts '" + meta.target()
                    + "'; the engine decides with direction models");
        }
        this.tensors = new WindowTensors(model.network().params().dataType());
        this.predictor = WindowPredictors.of(model.network());
        this.up = meta.classes().indexOf("UP");
        this.down = meta.classes().indexOf("DOWN");
    }

    public String version() {
        return meta.version();
    }

    @Override
    public java.util.Optional<String> modelVersion() {
        return java.util.Optional.of(meta.version());
    }

    @Override
    public synchronized void startOver(String symbol) {
        windows.remove(symbol);
    }

    @Override
    public synchronized void warmUp(String symbol, List<Map<String, Double>> recent) {
        Deque<double[]> window = windows.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        for (Map<String, Double> features : recent.subList(Math.max(0, recent.size() - meta.windowSize()), recent.size())) {
            push(window, features);
        }
    }

    @Override
    public synchronized Prediction predict(String symbol, Map<String, Double> features) {
        Deque<double[]> window = windows.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        if (!push(window, features) || window.size() < meta.windowSize()) {
            return new Prediction(0, 0, 1, meta.modelType(), meta.version());
        }
        INDArray out = predictor.predict(tensors.single(window.toArray(new double[0][]), meta.normalization()));
        double pUp = out.getDouble(0, up);
        double pDown = out.getDouble(0, down);
        return new Prediction(pUp, pDown, Math.max(0, 1 - pUp - pDown), meta.modelType(), meta.version());
    }

    /** Appends the row in the metadata's feature order; false (and the window starts over) when one cannot be filled. */
    private boolean push(Deque<double[]> window, Map<String, Double> features) {
        List<String> names = meta.features();
        double[] row = new double[names.size()];
        double[] previous = window.peekLast();
        for (int i = 0; i < row.length; i++) {
            Double v = features.get(names.get(i));
            if (v != null && Double.isFinite(v)) {
                row[i] = v;
            } else if (previous != null) {
                row[i] = previous[i];
            } else {
                window.clear();
                return false;
            }
        }
        window.addLast(row);
        while (window.size() > meta.windowSize()) {
            window.removeFirst();
        }
        return true;
    }
}
