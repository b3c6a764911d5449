package io.omega.learning.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.learning.model.InputShape;
import io.omega.learning.model.LstmKernel;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class WindowPredictorTest {

    @BeforeAll
    static void nativeSetup() {
        NativeRuntime.ensureConfigured();
    }

    private static MultiLayerNetwork cnn(long seed, DataType type, int window, int features, int outputs, OutputKind kind) {
        return new ModelFactory(NetworkSettings.defaults(seed).withDataType(type))
                .buildModel(ModelType.CNN, new InputShape(window, features), outputs, kind);
    }

    private static double tolerance(DataType type) {
        return type == DataType.FLOAT ? 1e-5 : 1e-9;
    }

    /** {@code [batch, features, window]} 'c' of Gaussian values times {@code scale}, in {@code type}. */
    private static INDArray windows(Random random, int batch, int features, int window, double scale, DataType type) {
        double[] x = new double[batch * features * window];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * scale;
        }
        return Nd4j.create(x, new long[] {batch, features, window}, 'c').castTo(type);
    }

    private static double[][] sample(INDArray x, int b) {
        int features = (int) x.size(1);
        int window = (int) x.size(2);
        double[][] w = new double[features][window];
        for (int f = 0; f < features; f++) {
            for (int t = 0; t < window; t++) {
                w[f][t] = x.getDouble(b, f, t);
            }
        }
        return w;
    }

    /** Every window of {@code x} through predictOne, the whole batch through predict, against network.output. */
    private static void assertMatches(WindowPredictor predictor, MultiLayerNetwork net, INDArray x, double tol) {
        INDArray expected = net.output(x, false);
        INDArray actual = predictor.predict(x);
        assertThat(actual.dataType()).isEqualTo(expected.dataType());
        assertThat(actual.shape()).containsExactly(expected.shape());
        for (int b = 0; b < x.size(0); b++) {
            double[] one = predictor.predictOne(sample(x, b));
            assertThat(one).hasSize((int) expected.size(1));
            for (int o = 0; o < one.length; o++) {
                double e = expected.getDouble(b, o);
                assertThat(one[o]).as("window %d output %d", b, o).isCloseTo(e, org.assertj.core.data.Offset.offset(tol));
                assertThat(actual.getDouble(b, o)).as("batch window %d output %d", b, o)
                        .isCloseTo(e, org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    static Stream<Arguments> shapes() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int window : new int[] {50, 20, 7, 3}) {
                for (int features : new int[] {5, 1}) {
                    s.add(Arguments.of(type, window, features));
                }
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} window {1} features {2}")
    @MethodSource("shapes")
    void javaCnnEqualsDl4jForRandomWeightsAndWindows(DataType type, int window, int features) {
        for (long seed = 1; seed <= 3; seed++) {
            OutputKind kind = seed == 2 ? OutputKind.REGRESSION : OutputKind.CLASSIFICATION;
            int outputs = kind == OutputKind.REGRESSION ? (features == 1 ? 1 : 3) : (features == 1 ? 2 : 3);
            MultiLayerNetwork net = cnn(seed, type, window, features, outputs, kind);
            WindowPredictor predictor = WindowPredictors.of(net);
            assertThat(predictor.engine()).isEqualTo(WindowPredictor.Engine.JAVA_CNN);
            Random random = new Random(seed * 31 + window);
            assertMatches(predictor, net, windows(random, 1, features, window, 1, type), tolerance(type));
            assertMatches(predictor, net, windows(random, 5, features, window, 3, type), tolerance(type));
        }
    }

    @Test
    void otherWindowLengthsThanBuiltForIncludingOddAndTinyOnes() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            MultiLayerNetwork net = cnn(5, type, 50, 5, 2, OutputKind.CLASSIFICATION);
            WindowPredictor predictor = WindowPredictors.of(net);
            Random random = new Random(5);
            for (int window : new int[] {1, 2, 3, 4, 5, 6, 9, 13, 51, 64}) {
                assertMatches(predictor, net, windows(random, 2, 5, window, 2, type), tolerance(type));
            }
        }
    }

    @Test
    void classificationGivesProbabilitiesAndRegressionTheIdentity() {
        MultiLayerNetwork classifier = cnn(11, DataType.DOUBLE, 50, 5, 3, OutputKind.CLASSIFICATION);
        MultiLayerNetwork regression = cnn(11, DataType.DOUBLE, 50, 5, 2, OutputKind.REGRESSION);
        WindowPredictor pc = WindowPredictors.of(classifier);
        WindowPredictor pr = WindowPredictors.of(regression);
        Random random = new Random(11);
        boolean negative = false;
        boolean differ = false;
        double[] previous = null;
        for (int i = 0; i < 20; i++) {
            INDArray x = windows(random, 1, 5, 50, 3, DataType.DOUBLE);
            double[] p = pc.predictOne(sample(x, 0));
            assertThat(p).hasSize(3);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            for (double v : p) {
                assertThat(v).isBetween(0.0, 1.0);
            }
            differ |= previous != null && previous[0] != p[0];
            previous = p;
            double[] r = pr.predictOne(sample(x, 0));
            assertThat(r).hasSize(2);
            negative |= r[0] < 0 || r[1] < 0;
            assertMatches(pr, regression, x, 1e-9);
        }
        assertThat(differ).as("outputs depend on the window").isTrue();
        assertThat(negative).as("identity output can be negative").isTrue();
    }

    @Test
    void seesNewWeightsAfterTrainingAndSetParams() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            MultiLayerNetwork net = cnn(3, type, 20, 5, 2, OutputKind.CLASSIFICATION);
            WindowPredictor predictor = WindowPredictors.of(net);
            Random random = new Random(3);
            INDArray probe = windows(random, 1, 5, 20, 1, type);
            double before = predictor.predictOne(sample(probe, 0))[0];
            INDArray labels = Nd4j.zeros(type, 64, 2);
            for (int i = 0; i < 64; i++) {
                labels.putScalar(i, i % 2, 1.0);
            }
            DataSet data = new DataSet(windows(random, 64, 5, 20, 1, type), labels);
            for (int step = 0; step < 5; step++) {
                net.fit(data);
            }
            double after = predictor.predictOne(sample(probe, 0))[0];
            assertThat(after).isNotCloseTo(before, org.assertj.core.data.Offset.offset(1e-6));
            assertMatches(predictor, net, windows(random, 3, 5, 20, 1, type), tolerance(type));

            net.setParams(Nd4j.rand(type, 1, net.numParams()).subi(0.5));
            assertMatches(predictor, net, windows(random, 3, 5, 20, 1, type), tolerance(type));
        }
    }

    @Test
    void largeBatchesViewsAndOtherInputTypes() {
        MultiLayerNetwork net = cnn(7, DataType.FLOAT, 50, 5, 2, OutputKind.CLASSIFICATION);
        WindowPredictor predictor = WindowPredictors.of(net);
        Random random = new Random(7);
        INDArray many = windows(random, 40, 5, 50, 1, DataType.FLOAT);
        // batch >= 32: DL4J itself
        assertThat(predictor.predict(many)).isEqualTo(net.output(many, false));
        // a view with an offset, and an NWC array permuted to NCW (non-unit strides)
        assertMatches(predictor, net, many.get(NDArrayIndex.interval(3, 6), NDArrayIndex.all(), NDArrayIndex.all()), 1e-5);
        INDArray nwc = windows(random, 2, 50, 5, 1, DataType.FLOAT).permute(0, 2, 1);
        assertMatches(predictor, net, nwc, 1e-5);
        // DOUBLE input to a FLOAT network is rounded to FLOAT first, as DL4J casts it
        assertMatches(predictor, net, windows(random, 2, 5, 50, 1, DataType.DOUBLE), 1e-5);
        // workspaces off
        MultiLayerNetwork noWs = new ModelFactory(NetworkSettings.defaults(7).withWorkspaceMode(WorkspaceMode.NONE))
                .buildModel(ModelType.CNN, new InputShape(50, 5), 2, OutputKind.CLASSIFICATION);
        assertMatches(WindowPredictors.of(noWs), noWs, windows(random, 2, 5, 50, 1, DataType.FLOAT), 1e-5);
    }

    @Test
    void rejectsBadWindows() {
        WindowPredictor predictor = WindowPredictors.of(cnn(1, DataType.FLOAT, 50, 5, 2, OutputKind.CLASSIFICATION));
        assertThatThrownBy(() -> predictor.predictOne(new double[4][50])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 feature rows");
        assertThatThrownBy(() -> predictor.predictOne(new double[][] {new double[50], new double[49], new double[50],
                new double[50], new double[50]})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.predictOne(new double[5][0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.predict(Nd4j.zeros(DataType.FLOAT, 1, 4, 50)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherArchitecturesFallBackToDl4j() {
        Random random = new Random(9);
        for (LstmKernel kernel : new LstmKernel[] {LstmKernel.TIME_MAJOR, LstmKernel.DL4J}) {
            MultiLayerNetwork lstm = new ModelFactory(NetworkSettings.defaults(9).withLstmKernel(kernel))
                    .buildModel(ModelType.LSTM, new InputShape(20, 5), 2, OutputKind.CLASSIFICATION);
            assertThat(WindowPredictors.javaCnnMismatch(lstm)).contains("layers");
            assertFallbackMatches(lstm, windows(random, 2, 5, 20, 1, DataType.FLOAT));
        }
        MultiLayerNetwork kernel5 = variant(5, ConvolutionMode.Same, PoolingType.MAX, Activation.RELU);
        assertThat(WindowPredictors.javaCnnMismatch(kernel5)).contains("layer 0").contains("kernel");
        assertFallbackMatches(kernel5, windows(random, 2, 5, 20, 1, DataType.FLOAT));

        MultiLayerNetwork truncateConv = variant(3, ConvolutionMode.Truncate, PoolingType.MAX, Activation.RELU);
        assertThat(WindowPredictors.javaCnnMismatch(truncateConv)).contains("layer 0").contains("Truncate");
        assertFallbackMatches(truncateConv, windows(random, 2, 5, 20, 1, DataType.FLOAT));

        MultiLayerNetwork avgPool = variant(3, ConvolutionMode.Same, PoolingType.AVG, Activation.RELU);
        assertThat(WindowPredictors.javaCnnMismatch(avgPool)).contains("layer 1").contains("AVG");
        assertFallbackMatches(avgPool, windows(random, 2, 5, 20, 1, DataType.FLOAT));

        MultiLayerNetwork tanh = variant(3, ConvolutionMode.Same, PoolingType.MAX, Activation.TANH);
        assertThat(WindowPredictors.javaCnnMismatch(tanh)).contains("layer 0").contains("activation");
        assertFallbackMatches(tanh, windows(random, 2, 5, 20, 1, DataType.FLOAT));

        // the same builder with ModelFactory's CNN settings is recognised
        MultiLayerNetwork design = variant(3, ConvolutionMode.Same, PoolingType.MAX, Activation.RELU);
        assertThat(WindowPredictors.javaCnnMismatch(design)).isNull();
        assertThat(WindowPredictors.of(design).engine()).isEqualTo(WindowPredictor.Engine.JAVA_CNN);
        assertMatches(WindowPredictors.of(design), design, windows(random, 2, 5, 20, 1, DataType.FLOAT), 1e-5);
    }

    private static void assertFallbackMatches(MultiLayerNetwork net, INDArray x) {
        WindowPredictor predictor = WindowPredictors.of(net);
        assertThat(predictor.engine()).isEqualTo(WindowPredictor.Engine.DL4J);
        assertThat(predictor.predict(x)).isEqualTo(net.output(x, false));
        assertThat(predictor.predictOne(sample(x, 0)))
                .containsExactly(net.output(x.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()), false)
                        .toDoubleVector());
    }

    /** ModelFactory's CNN with the first layer's kernel and mode, the first pooling type and the convs' activation changed. */
    private static MultiLayerNetwork variant(int kernel, ConvolutionMode mode, PoolingType firstPool, Activation activation) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(new Convolution1DLayer.Builder().kernelSize(kernel).nOut(8).convolutionMode(mode)
                        .activation(activation).build())
                // Subsampling1DLayer.Builder(PoolingType) ignores its argument in 1.0.0-M2.1 (always MAX): set it explicitly
                .layer(new Subsampling1DLayer.Builder().poolingType(firstPool).kernelSize(2).stride(2).build())
                .layer(new Convolution1DLayer.Builder().kernelSize(3).nOut(8).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(2).stride(2).build())
                .layer(new Convolution1DLayer.Builder().kernelSize(3).nOut(8).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.7).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(5, 20, RNNFormat.NCW))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
