package io.omega.learning.model;

import io.omega.learning.model.lstm.TimeMajorLstm;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the two architectures, a 1-D CNN and an LSTM, for an input shape and output size. Inputs are
 * {@code [batch, features, window]} (DL4J's NCW layout for both 1-D convolutions and recurrent layers); the
 * dataset side converts from its {@code [samples, window, features]} view.
 */
public final class ModelFactory {

    private final NetworkSettings settings;

    public ModelFactory(NetworkSettings settings) {
        this.settings = settings;
    }

    public MultiLayerNetwork buildModel(ModelType type, InputShape inputShape, int outputSize, OutputKind kind) {
        if (outputSize < 1 || (kind == OutputKind.CLASSIFICATION && outputSize < 2)) {
            throw new IllegalArgumentException("output size must be >= 2 for classification and >= 1 for regression, got "
                    + outputSize);
        }
        NativeRuntime.ensureConfigured();
        MultiLayerConfiguration conf = switch (type) {
            case CNN -> cnn(inputShape, outputSize, kind);
            case LSTM -> lstm(inputShape, outputSize, kind);
        };
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(settings.dataType())
                .trainingWorkspaceMode(settings.workspaceMode())
                .inferenceWorkspaceMode(settings.workspaceMode())
                .updater(new Adam(settings.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    // Conv1D(32) -> MaxPool -> Conv1D(64) -> MaxPool -> Conv1D(128) -> GlobalAvgPool -> Dense(64) -> Dropout(0.3) -> Output
    private MultiLayerConfiguration cnn(InputShape shape, int outputSize, OutputKind kind) {
        return base()
                .layer(conv(32))
                .layer(maxPool())
                .layer(conv(64))
                .layer(maxPool())
                .layer(conv(128))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                // DL4J's dropout argument is the probability of RETAINING an activation.
                .layer(new DropoutLayer.Builder(1 - 0.3).build())
                .layer(output(outputSize, kind))
                .setInputType(InputType.recurrent(shape.features(), shape.windowSize(), RNNFormat.NCW))
                .build();
    }

    // LSTM(64, sequences) -> Dropout(0.2) -> LSTM(32) -> Dropout(0.2) -> Dense(32) -> Output
    private MultiLayerConfiguration lstm(InputShape shape, int outputSize, OutputKind kind) {
        if (settings.lstmKernel() != LstmKernel.DL4J) {
            boolean fused = settings.lstmKernel() == LstmKernel.FUSED_OP;
            return base()
                    .layer(fused ? new FusedLstm(64, false) : TimeMajorLstm.of(64, false))
                    .layer(new DropoutLayer.Builder(1 - 0.2).build())
                    .layer(fused ? new FusedLstm(32, true) : TimeMajorLstm.of(32, true))
                    .layer(new DropoutLayer.Builder(1 - 0.2).build())
                    .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                    .layer(output(outputSize, kind))
                    .setInputType(InputType.recurrent(shape.features(), shape.windowSize(), RNNFormat.NCW))
                    .build();
        }
        return base()
                .layer(new LSTM.Builder().nOut(64).activation(Activation.TANH).build())
                .layer(new DropoutLayer.Builder(1 - 0.2).build())
                .layer(new LastTimeStep(new LSTM.Builder().nOut(32).activation(Activation.TANH).build()))
                .layer(new DropoutLayer.Builder(1 - 0.2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(output(outputSize, kind))
                .setInputType(InputType.recurrent(shape.features(), shape.windowSize(), RNNFormat.NCW))
                .build();
    }

    private static Convolution1DLayer conv(int filters) {
        return new Convolution1DLayer.Builder().kernelSize(3).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build();
    }

    private static Subsampling1DLayer maxPool() {
        return new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(2).stride(2).build();
    }

    private static OutputLayer output(int outputSize, OutputKind kind) {
        return kind == OutputKind.CLASSIFICATION
                ? new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(outputSize).activation(Activation.SOFTMAX).build()
                : new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(outputSize).activation(Activation.IDENTITY).build();
    }
}
