package io.omega.learning.model.inference;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Picks the engine for {@link WindowPredictor}: the plain-Java CNN forward pass when the network is exactly the
 * CNN of {@code ModelFactory} (any channel counts), otherwise {@code network.output(x, false)}.
 */
public final class WindowPredictors {

    /** Layer indices of ModelFactory's CNN. */
    static final int CONV1 = 0, POOL1 = 1, CONV2 = 2, POOL2 = 3, CONV3 = 4, GAP = 5, DENSE = 6, DROPOUT = 7, OUTPUT = 8;
    private static final int LAYERS = 9;

    private WindowPredictors() {
    }

    /**
     * A predictor for {@code network} (initialised; trained or loaded): {@link WindowPredictor.Engine#JAVA_CNN}
     * when {@link #javaCnnMismatch} finds nothing, else {@link WindowPredictor.Engine#DL4J}. Create it once per
     * network and keep it (it holds scratch buffers); it reads the network's parameters on every call.
     */
    public static WindowPredictor of(MultiLayerNetwork network) {
        Objects.requireNonNull(network, "network");
        if (network.params() == null || network.getLayers() == null) {
            throw new IllegalStateException("the network is not initialised (call init() first)");
        }
        return javaCnnMismatch(network) == null ? new JavaCnnPredictor(network) : new Dl4jWindowPredictor(network);
    }

    /**
     * Why {@code network} is not ModelFactory's CNN (a short description of the first difference), or {@code null}
     * when it is: Conv1D(k 3, stride 1, dilation 1, padding 0, Same, ReLU, bias) -> Subsampling1D(MAX, k 2,
     * stride 2, padding 0, Truncate) -> Conv1D -> Subsampling1D -> Conv1D -> GlobalPooling(AVG over time) ->
     * Dense(ReLU, bias, no layer norm) -> Dropout -> OutputLayer(softmax or identity, bias); NCW input; no weight
     * noise; FLOAT or DOUBLE; no input preprocessor other than DL4J's RNN-to-feed-forward one before the dense
     * layer (the identity on the pooled [batch, channels]). The exact classes are required (no subclasses or
     * wrappers). Channel and output counts are free.
     */
    public static String javaCnnMismatch(MultiLayerNetwork network) {
        if (network.getnLayers() != LAYERS) {
            return network.getnLayers() + " layers, ModelFactory's CNN has " + LAYERS;
        }
        DataType type = network.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return "data type " + type;
        }
        Map<Integer, InputPreProcessor> pre = network.getLayerWiseConfigurations().getInputPreProcessors();
        for (Map.Entry<Integer, InputPreProcessor> e : pre.entrySet()) {
            if (e.getKey() != DENSE || e.getValue() == null || e.getValue().getClass() != RnnToFeedForwardPreProcessor.class) {
                return "input preprocessor " + e.getValue() + " before layer " + e.getKey();
            }
        }
        for (int i = 0; i < LAYERS; i++) {
            Layer l = network.getLayer(i).conf().getLayer();
            String why = switch (i) {
                case CONV1, CONV2, CONV3 -> conv(l);
                case POOL1, POOL2 -> pool(l);
                case GAP -> globalPool(l);
                case DENSE -> dense(l);
                case DROPOUT -> l.getClass() == DropoutLayer.class ? null : "not a DropoutLayer";
                default -> output(l);
            };
            if (why != null) {
                return "layer " + i + " (" + l.getClass().getSimpleName() + "): " + why;
            }
        }
        return null;
    }

    private static String conv(Layer layer) {
        if (layer.getClass() != Convolution1DLayer.class) {
            return "not a Convolution1DLayer";
        }
        Convolution1DLayer c = (Convolution1DLayer) layer;
        if (c.getConvolutionMode() != ConvolutionMode.Same) {
            return "convolution mode " + c.getConvolutionMode();
        }
        if (c.getKernelSize()[0] != 3 || c.getStride()[0] != 1 || c.getDilation()[0] != 1 || c.getPadding()[0] != 0) {
            return "kernel/stride/dilation/padding not 3/1/1/0";
        }
        if (!c.hasBias()) {
            return "no bias";
        }
        if (c.getRnnDataFormat() != null && c.getRnnDataFormat() != RNNFormat.NCW) {
            return "data format " + c.getRnnDataFormat();
        }
        return common(c, isPlainRelu(c.getActivationFn()));
    }

    private static String pool(Layer layer) {
        if (layer.getClass() != Subsampling1DLayer.class) {
            return "not a Subsampling1DLayer";
        }
        Subsampling1DLayer p = (Subsampling1DLayer) layer;
        if (p.getPoolingType() != PoolingType.MAX) {
            return "pooling " + p.getPoolingType();
        }
        if (p.getConvolutionMode() != ConvolutionMode.Truncate) {
            return "convolution mode " + p.getConvolutionMode();
        }
        if (p.getKernelSize()[0] != 2 || p.getStride()[0] != 2 || p.getPadding()[0] != 0 || p.getDilation()[0] != 1) {
            return "kernel/stride/padding/dilation not 2/2/0/1";
        }
        if (p.getCnn2dDataFormat() != null && p.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            return "data format " + p.getCnn2dDataFormat();
        }
        return null;
    }

    private static String globalPool(Layer layer) {
        if (layer.getClass() != GlobalPoolingLayer.class) {
            return "not a GlobalPoolingLayer";
        }
        GlobalPoolingLayer g = (GlobalPoolingLayer) layer;
        if (g.getPoolingType() != PoolingType.AVG) {
            return "pooling " + g.getPoolingType();
        }
        int[] dims = g.getPoolingDimensions();
        if (dims != null && !(dims.length == 1 && dims[0] == 2)) {
            return "pooling dimensions " + java.util.Arrays.toString(dims);
        }
        return g.isCollapseDimensions() ? null : "dimensions not collapsed";
    }

    private static String dense(Layer layer) {
        if (layer.getClass() != DenseLayer.class) {
            return "not a DenseLayer";
        }
        DenseLayer d = (DenseLayer) layer;
        if (!d.hasBias() || d.hasLayerNorm()) {
            return "no bias or layer norm";
        }
        return common(d, isPlainRelu(d.getActivationFn()));
    }

    private static String output(Layer layer) {
        if (layer.getClass() != OutputLayer.class) {
            return "not an OutputLayer";
        }
        OutputLayer o = (OutputLayer) layer;
        if (!o.hasBias()) {
            return "no bias";
        }
        IActivation a = o.getActivationFn();
        return common(o, a != null && (a.getClass() == ActivationSoftmax.class || a.getClass() == ActivationIdentity.class));
    }

    private static String common(BaseLayer layer, boolean activationOk) {
        if (!activationOk) {
            return "activation " + layer.getActivationFn();
        }
        return layer.getWeightNoise() == null ? null : "weight noise " + layer.getWeightNoise();
    }

    /** max(0, x): DL4J's ReLU without a cap, threshold or negative slope. */
    private static boolean isPlainRelu(IActivation a) {
        if (a == null || a.getClass() != ActivationReLU.class) {
            return false;
        }
        ActivationReLU r = (ActivationReLU) a;
        return r.getMax() == null && isZero(r.getThreshold()) && isZero(r.getNegativeSlope());
    }

    private static boolean isZero(Double d) {
        return d == null || d == 0.0;
    }

    /** The common length of the window's rows (at least 1), or an exception. */
    static int steps(double[][] window) {
        if (window.length == 0 || window[0] == null || window[0].length == 0) {
            throw new IllegalArgumentException("a window needs at least one feature and one step");
        }
        int steps = window[0].length;
        for (double[] row : window) {
            if (row == null || row.length != steps) {
                throw new IllegalArgumentException("window rows (one per feature) must all have " + steps + " steps");
            }
        }
        return steps;
    }
}
