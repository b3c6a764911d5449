package io.omega.learning.model.lstm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of {@link TimeMajorLstm}: input weights {@code W [nIn, 4n]}, recurrent weights {@code RW [n, 4n]} and
 * bias {@code b [1, 4n]}, with DL4J's LSTM gate blocks (columns): cell input {@code g}, forget {@code f}, output
 * {@code o}, input gate {@code i}. Unlike DL4J's LSTM the three are stored row-major ('c') one after the other, so
 * the layer's whole parameter vector is one {@code [nIn + n + 1, 4n]} matrix {@code [W; RW; b]}: one gemm per time
 * step computes input projection, recurrence and bias together, and one gemm gives all three gradients.
 */
public final class TimeMajorLstmParamInitializer implements ParamInitializer {

    public static final String INPUT_WEIGHT_KEY = "W";
    public static final String RECURRENT_WEIGHT_KEY = "RW";
    public static final String BIAS_KEY = "b";

    private static final List<String> KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY);
    private static final List<String> WEIGHT_KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    private static final List<String> BIAS_KEYS = List.of(BIAS_KEY);
    private static final TimeMajorLstmParamInitializer INSTANCE = new TimeMajorLstmParamInitializer();

    private TimeMajorLstmParamInitializer() {
    }

    public static TimeMajorLstmParamInitializer getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        TimeMajorLstm l = (TimeMajorLstm) layer;
        return (l.getNIn() + l.getNOut() + 1) * 4 * l.getNOut();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        TimeMajorLstm layer = (TimeMajorLstm) conf.getLayer();
        long nIn = layer.getNIn();
        long n = layer.getNOut();
        checkLength(layer, paramsView);
        conf.addVariable(INPUT_WEIGHT_KEY);
        conf.addVariable(RECURRENT_WEIGHT_KEY);
        conf.addVariable(BIAS_KEY);
        Map<String, INDArray> views = views(paramsView, nIn, n);
        if (initializeParams) {
            // As DL4J's LSTMParamInitializer: fanIn = n, fanOut = nIn + n for both weight matrices.
            IWeightInit init = layer.getWeightInitFn();
            IWeightInit recurrentInit = layer.getWeightInitFnRecurrent() != null ? layer.getWeightInitFnRecurrent() : init;
            init.init(n, nIn + n, new long[] {nIn, 4 * n}, 'c', views.get(INPUT_WEIGHT_KEY));
            recurrentInit.init(n, nIn + n, new long[] {n, 4 * n}, 'c', views.get(RECURRENT_WEIGHT_KEY));
            INDArray bias = views.get(BIAS_KEY);
            bias.assign(0);
            bias.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 2 * n)).assign(layer.getForgetGateBiasInit());
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        TimeMajorLstm layer = (TimeMajorLstm) conf.getLayer();
        checkLength(layer, gradientView);
        return views(gradientView, layer.getNIn(), layer.getNOut());
    }

    private void checkLength(TimeMajorLstm layer, INDArray view) {
        if (view.length() != numParams(layer)) {
            throw new IllegalStateException("expected a parameter view of length " + numParams(layer) + ", got "
                    + view.length());
        }
    }

    private static Map<String, INDArray> views(INDArray flat, long nIn, long n) {
        INDArray row = flat.reshape(1, flat.length());
        long w = nIn * 4 * n;
        long rw = n * 4 * n;
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHT_KEY, row.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, w)).reshape('c', nIn, 4 * n));
        out.put(RECURRENT_WEIGHT_KEY, row.get(NDArrayIndex.point(0), NDArrayIndex.interval(w, w + rw)).reshape('c', n, 4 * n));
        out.put(BIAS_KEY, row.get(NDArrayIndex.point(0), NDArrayIndex.interval(w + rw, w + rw + 4 * n)).reshape('c', 1, 4 * n));
        return out;
    }
}
