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

    private static List<Layer> layers(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
    }

    @Test
    void cnnIsTheDesignsStack() {
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
    void lstmIsTheDesignsStack() {
        MultiLayerNetwork net = factory.buildModel(ModelType.LSTM, new InputShape(50, 5), 3, OutputKind.CLASSIFICATION);
        List<Layer> layers = layers(net);
        assertThat(layers).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "LSTM", "DropoutLayer", "LastTimeStep", "DropoutLayer", "DenseLayer", "OutputLayer");
        assertThat(((LSTM) layers.get(0)).getNOut()).isEqualTo(64);
        assertThat(((FeedForwardLayer) ((LastTimeStep) layers.get(2)).getUnderlying()).getNOut()).isEqualTo(32);
        assertThat(((Dropout) ((DropoutLayer) layers.get(1)).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(((Dropout) ((DropoutLayer) layers.get(3)).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(((DenseLayer) layers.get(4)).getNOut()).isEqualTo(32);
        assertThat(net.output(Nd4j.rand(DataType.FLOAT, 4, 5, 50)).shape()).containsExactly(4, 3);
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
