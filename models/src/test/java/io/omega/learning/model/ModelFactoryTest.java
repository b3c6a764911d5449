package io.omega.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class ModelFactoryTest {

    private final ModelFactory factory = new ModelFactory(NetworkSettings.defaults(42));
    private final ModelFactory fusedFactory = new ModelFactory(NetworkSettings.defaults(42).withLstmKernel(LstmKernel.FUSED_OP));

    private static List<Layer> layers(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
    }

    @Test
    void cnnIsTheDocumentedStack() {
        MultiLayerNetwork net = factory.buildModel(ModelType.CNN, new InputShape(50, 5), 2, OutputKind.CLASSIFICATION);
        List<Layer> layers = layers(net);
        assertThat(layers).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "Convolution1DLayer", "Subsampling1DLayer", "Convolution1DLayer", "Subsampling1DLayer",
                "Convolution1DLayer", "GlobalPoolingLayer", "DenseLayer", "DropoutLayer", "OutputLayer");
        assertThat(((Convolution1DLayer) layers.get(0)).getNOut()).isEqualTo(32);
        assertThat(((Convolution1DLayer) layers.get(2)).getNOut()).isEqualTo(64);
        assertThat(((Convolution1DLayer) layers.get(4)).getNOut()).isEqualTo(128);
        assertThat(((Subsampling1DLayer) layers.get(1)).getPoolingType()).isEqualTo(PoolingType.MAX);
        assertThat(((GlobalPoolingLayer) layers.get(5)).getPoolingType()).isEqualTo(PoolingType.AVG);
        assertThat(((DenseLayer) layers.get(6)).getNOut()).isEqualTo(64);
        assertThat(((Dropout) ((DropoutLayer) layers.get(7)).getIDropout()).getP()).isEqualTo(0.7); // keeps 70 %: drops 30 %
        assertThat(((OutputLayer) layers.get(8)).getNOut()).isEqualTo(2);
        assertThat(((Adam) ((BaseLayer) layers.get(0)).getIUpdater()).getLearningRate()).isEqualTo(0.001);
        assertThat(net.output(Nd4j.rand(DataType.FLOAT, 3, 5, 50)).shape()).containsExactly(3, 2);
    }

    @Test
    void lstmIsTheDocumentedStackOnTheFusedOp() {
        MultiLayerNetwork net = fusedFactory.buildModel(ModelType.LSTM, new InputShape(50, 5), 3, OutputKind.CLASSIFICATION);
        List<Layer> layers = layers(net);
        assertThat(layers).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "FusedLstm", "DropoutLayer", "FusedLstm", "DropoutLayer", "DenseLayer", "OutputLayer");
        FusedLstm first = (FusedLstm) layers.get(0);
        FusedLstm second = (FusedLstm) layers.get(2);
        assertThat(first.getNIn()).isEqualTo(5);
        assertThat(first.getNOut()).isEqualTo(64);
        assertThat(first.isLastStepOnly()).isFalse();
        assertThat(second.getNIn()).isEqualTo(64);
        assertThat(second.getNOut()).isEqualTo(32);
        assertThat(second.isLastStepOnly()).isTrue();
        assertThat(((Dropout) ((DropoutLayer) layers.get(1)).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(((Dropout) ((DropoutLayer) layers.get(3)).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(((DenseLayer) layers.get(4)).getNOut()).isEqualTo(32);
        // parameters: 4 gates x (input + recurrent weights + bias) per LSTM, as in DL4J's LSTM without peepholes
        assertThat(net.getLayer(0).numParams()).isEqualTo(4L * 64 * (5 + 64 + 1));
        assertThat(net.getLayer(2).numParams()).isEqualTo(4L * 32 * (64 + 32 + 1));
        assertThat(net.output(Nd4j.rand(DataType.FLOAT, 4, 5, 50)).shape()).containsExactly(4, 3);
    }

    @Test
    void fusedAndDl4jLstmsComputeTheSameFunction() {
        MultiLayerNetwork dl4j = new ModelFactory(NetworkSettings.defaults(42).withLstmKernel(LstmKernel.DL4J))
                .buildModel(ModelType.LSTM, new InputShape(50, 5), 3, OutputKind.CLASSIFICATION);
        List<Layer> layers = layers(dl4j);
        assertThat(layers).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "LSTM", "DropoutLayer", "LastTimeStep", "DropoutLayer", "DenseLayer", "OutputLayer");
        assertThat(((LSTM) layers.get(0)).getNOut()).isEqualTo(64);
        assertThat(((FeedForwardLayer) ((LastTimeStep) layers.get(2)).getUnderlying()).getNOut()).isEqualTo(32);

        // Copy DL4J's weights into the fused network (DL4J's column blocks: cell input g, forget f, output o, input
        // gate i; lstmLayer's: i, f, g, o) and compare outputs.
        MultiLayerNetwork fused = fusedFactory.buildModel(ModelType.LSTM, new InputShape(50, 5), 3, OutputKind.CLASSIFICATION);
        for (int layer : new int[] {0, 2}) {
            var from = dl4j.getLayer(layer).paramTable();
            var to = fused.getLayer(layer).paramTable();
            to.get("W").assign(reorderGates(from.get("W")));
            to.get("RW").assign(reorderGates(from.get("RW")));
            to.get("b").assign(reorderGates(from.get("b")));
        }
        for (int layer : new int[] {4, 5}) {
            fused.getLayer(layer).setParams(dl4j.getLayer(layer).params().dup());
        }
        var input = Nd4j.rand(DataType.FLOAT, 3, 5, 50);
        assertThat(fused.output(input, false).sub(dl4j.output(input, false)).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    private static org.nd4j.linalg.api.ndarray.INDArray reorderGates(org.nd4j.linalg.api.ndarray.INDArray w) {
        org.nd4j.linalg.api.ndarray.INDArray m = w.rank() == 1 ? w.reshape(1, w.length()) : w;
        long n = m.size(1) / 4;
        var all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        var g = m.get(all, org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
        var f = m.get(all, org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n));
        var o = m.get(all, org.nd4j.linalg.indexing.NDArrayIndex.interval(2 * n, 3 * n));
        var i = m.get(all, org.nd4j.linalg.indexing.NDArrayIndex.interval(3 * n, 4 * n));
        var out = Nd4j.hstack(i, f, g, o);
        return w.rank() == 1 ? out.reshape(w.length()) : out;
    }

    @Test
    void regressionHasOneLinearOutput() {
        MultiLayerNetwork net = factory.buildModel(ModelType.CNN, new InputShape(20, 3), 1, OutputKind.REGRESSION);
        assertThat(net.output(Nd4j.rand(DataType.FLOAT, 2, 3, 20)).shape()).containsExactly(2, 1);
    }

    @Test
    void classificationNeedsTwoClasses() {
        assertThatThrownBy(() -> factory.buildModel(ModelType.CNN, new InputShape(20, 3), 1, OutputKind.CLASSIFICATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1");
    }
}
