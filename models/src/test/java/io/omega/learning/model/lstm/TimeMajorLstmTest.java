package io.omega.learning.model.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.SyntheticRows;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.model.InputShape;
import io.omega.learning.model.LstmKernel;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelTrainer;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import io.omega.learning.model.TrainOptions;
import io.omega.learning.model.TrainingListener;
import io.omega.learning.model.TrainingResult;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class TimeMajorLstmTest {

    private static final InputShape SHAPE = new InputShape(50, 5);

    @TempDir
    Path dir;

    @BeforeAll
    static void nativeSetup() {
        NativeRuntime.ensureConfigured();
    }

    private static MultiLayerNetwork model(LstmKernel kernel, DataType type, WorkspaceMode ws, long seed) {
        NetworkSettings settings = NetworkSettings.defaults(seed).withLstmKernel(kernel).withDataType(type)
                .withWorkspaceMode(ws);
        return new ModelFactory(settings).buildModel(ModelType.LSTM, SHAPE, 3, OutputKind.CLASSIFICATION);
    }

    /** DL4J's LSTM and this layer share the gate order (g, f, o, i) and shapes: a plain copy (either way). */
    private static void copyFromDl4j(MultiLayerNetwork from, MultiLayerNetwork to) {
        for (int layer : new int[] {0, 2}) {
            Map<String, INDArray> src = from.getLayer(layer).paramTable();
            Map<String, INDArray> dst = to.getLayer(layer).paramTable();
            for (String key : List.of("W", "RW", "b")) {
                dst.get(key).assign(src.get(key).reshape(dst.get(key).shape()));
            }
        }
        for (int layer = 4; layer < from.getnLayers(); layer++) {
            to.getLayer(layer).setParams(from.getLayer(layer).params().dup());
        }
    }

    /** lstmLayer's gate blocks are i, f, g, o; ours g, f, o, i. */
    private static void copyFromFused(MultiLayerNetwork from, MultiLayerNetwork to) {
        for (int layer : new int[] {0, 2}) {
            Map<String, INDArray> src = from.getLayer(layer).paramTable();
            Map<String, INDArray> dst = to.getLayer(layer).paramTable();
            for (String key : List.of("W", "RW", "b")) {
                INDArray m = src.get(key).rank() == 1 ? src.get(key).reshape(1, src.get(key).length()) : src.get(key);
                long n = m.size(1) / 4;
                INDArray i = m.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
                INDArray f = m.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 2 * n));
                INDArray g = m.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n));
                INDArray o = m.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * n, 4 * n));
                dst.get(key).assign(Nd4j.hstack(g, f, o, i));
            }
        }
        for (int layer = 4; layer < from.getnLayers(); layer++) {
            to.getLayer(layer).setParams(from.getLayer(layer).params().dup());
        }
    }

    private static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void isTheDefaultKernelWithTheFactoryShapes() {
        MultiLayerNetwork net = new ModelFactory(NetworkSettings.defaults(1))
                .buildModel(ModelType.LSTM, SHAPE, 3, OutputKind.CLASSIFICATION);
        List<Layer> layers = net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
        assertThat(layers).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "TimeMajorLstm", "DropoutLayer", "TimeMajorLstm", "DropoutLayer", "DenseLayer", "OutputLayer");
        TimeMajorLstm first = (TimeMajorLstm) layers.get(0);
        TimeMajorLstm second = (TimeMajorLstm) layers.get(2);
        assertThat(List.of(first.getNIn(), first.getNOut(), second.getNIn(), second.getNOut()))
                .containsExactly(5L, 64L, 64L, 32L);
        assertThat(first.isLastStepOnly()).isFalse();
        assertThat(second.isLastStepOnly()).isTrue();
        assertThat(net.getLayer(0).numParams()).isEqualTo(4L * 64 * (5 + 64 + 1));
        assertThat(net.getLayer(2).numParams()).isEqualTo(4L * 32 * (64 + 32 + 1));
        // forget-gate bias 1, the other gates 0 (DL4J's gate order g, f, o, i)
        INDArray b = net.getLayer(0).paramTable().get("b");
        assertThat(b.get(NDArrayIndex.all(), NDArrayIndex.interval(64, 128)).minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(b.get(NDArrayIndex.all(), NDArrayIndex.interval(64, 128)).maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 64)).amaxNumber().doubleValue()).isEqualTo(0.0);
        assertThat(b.get(NDArrayIndex.all(), NDArrayIndex.interval(128, 256)).amaxNumber().doubleValue()).isEqualTo(0.0);
        // Xavier with DL4J's LSTM fans (fanIn n, fanOut nIn + n): std sqrt(2 / (64 + 69))
        double std = net.getLayer(0).paramTable().get("RW").stdNumber().doubleValue();
        assertThat(std).isBetween(0.9 * Math.sqrt(2.0 / 133), 1.1 * Math.sqrt(2.0 / 133));
    }

    @Test
    void forwardEqualsDl4jsLstmAndTheFusedOpFullSequenceAndLastStep() {
        MultiLayerNetwork dl4j = model(LstmKernel.DL4J, DataType.FLOAT, WorkspaceMode.ENABLED, 11);
        MultiLayerNetwork fused = model(LstmKernel.FUSED_OP, DataType.FLOAT, WorkspaceMode.ENABLED, 12);
        MultiLayerNetwork ours = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, WorkspaceMode.ENABLED, 13);
        MultiLayerNetwork oursFromFused = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, WorkspaceMode.ENABLED, 14);
        copyFromDl4j(dl4j, ours);
        copyFromFused(fused, oursFromFused);
        // batches below TimeMajorLstmLayer.JAVA_INFERENCE_BELOW_BATCH run inference in plain Java, larger ones on
        // the time-major path
        for (int batch : new int[] {1, 7, TimeMajorLstmLayer.JAVA_INFERENCE_BELOW_BATCH + 3}) {
            INDArray input = Nd4j.rand(DataType.FLOAT, batch, 5, 50).subi(0.5).muli(4);
            List<INDArray> a = dl4j.feedForward(input, false);
            List<INDArray> b = ours.feedForward(input, false);
            // activations: [input, lstm(64) full sequence, dropout, lstm(32) last step, dropout, dense, output]
            assertThat(b.get(1).shape()).containsExactly(batch, 64, 50);
            assertThat(b.get(3).shape()).containsExactly(batch, 32);
            assertThat(maxAbsDiff(a.get(1), b.get(1))).isLessThan(1e-5);
            assertThat(maxAbsDiff(a.get(3), b.get(3))).isLessThan(1e-5);
            assertThat(maxAbsDiff(dl4j.output(input, false), ours.output(input, false))).isLessThan(1e-5);

            List<INDArray> c = fused.feedForward(input, false);
            List<INDArray> d = oursFromFused.feedForward(input, false);
            assertThat(maxAbsDiff(c.get(1), d.get(1))).isLessThan(1e-5);
            assertThat(maxAbsDiff(c.get(3), d.get(3))).isLessThan(1e-5);
            assertThat(maxAbsDiff(fused.output(input, false), oursFromFused.output(input, false))).isLessThan(1e-5);
        }
    }

    /** The first {@code batch} examples of {@code x} padded with other windows to a batch on the time-major path. */
    private static INDArray padToLargeBatch(INDArray x, DataType type) {
        int large = TimeMajorLstmLayer.JAVA_INFERENCE_BELOW_BATCH + 8;
        INDArray extra = Nd4j.rand(type, large - x.size(0), x.size(1), x.size(2)).subi(0.5).muli(4);
        return Nd4j.concat(0, x, extra);
    }

    private static INDArray firstRows(INDArray a, long rows) {
        return a.get(NDArrayIndex.interval(0, rows));
    }

    /** Activations 1 (LSTM(64) full sequence) and 3 (LSTM(32) last step) and the output of {@code x}. */
    private static List<INDArray> lstmActivations(MultiLayerNetwork net, INDArray x) {
        List<INDArray> all = net.feedForward(x, false);
        return List.of(all.get(1), all.get(3), net.output(x, false));
    }

    @Test
    void javaInferenceEqualsDl4jsLstmAndTheLargeBatchPath() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
            for (WorkspaceMode ws : new WorkspaceMode[] {WorkspaceMode.ENABLED, WorkspaceMode.NONE}) {
                MultiLayerNetwork dl4j = model(LstmKernel.DL4J, type, ws, 51);
                MultiLayerNetwork ours = model(LstmKernel.TIME_MAJOR, type, ws, 52);
                copyFromDl4j(dl4j, ours);
                Nd4j.getRandom().setSeed(53);
                for (int batch : new int[] {1, 7, 31}) {
                    assertThat(batch).isLessThan(TimeMajorLstmLayer.JAVA_INFERENCE_BELOW_BATCH);
                    INDArray input = Nd4j.rand(type, batch, 5, 50).subi(0.5).muli(4);
                    INDArray large = padToLargeBatch(input, type);
                    List<INDArray> expected = lstmActivations(dl4j, input);
                    List<INDArray> java = lstmActivations(ours, input);
                    List<INDArray> timeMajor = lstmActivations(ours, large);
                    assertThat(java.get(0).shape()).containsExactly(batch, 64, 50);
                    assertThat(java.get(1).shape()).containsExactly(batch, 32);
                    assertThat(java.get(0).dataType()).isEqualTo(type);
                    for (int i = 0; i < 3; i++) {
                        String what = type + " " + ws + " batch " + batch + " activation " + i;
                        assertThat(maxAbsDiff(expected.get(i), java.get(i))).as(what).isLessThan(tolerance);
                        assertThat(maxAbsDiff(firstRows(timeMajor.get(i), batch), java.get(i))).as(what)
                                .isLessThan(tolerance);
                    }
                }
            }
        }
    }

    @Test
    void predictionsAfterTrainingUseTheNewWeights() {
        for (WorkspaceMode ws : new WorkspaceMode[] {WorkspaceMode.ENABLED, WorkspaceMode.NONE}) {
            MultiLayerNetwork ours = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, ws, 61);
            MultiLayerNetwork dl4j = model(LstmKernel.DL4J, DataType.FLOAT, ws, 62);
            Nd4j.getRandom().setSeed(63);
            INDArray window = Nd4j.randn(DataType.FLOAT, 1, 5, 50);
            INDArray previous = ours.output(window, false).dup();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 2; i++) {
                    INDArray x = Nd4j.randn(DataType.FLOAT, 16, 5, 50);
                    ours.fit(new DataSet(x, oneHot(16, 3, 10L * round + i).castTo(DataType.FLOAT)));
                }
                INDArray now = ours.output(window, false).dup();
                assertThat(maxAbsDiff(previous, now)).as(ws + " round " + round).isGreaterThan(1e-6);
                // the same weights in DL4J's LSTM and on the time-major path give the same prediction
                copyFromDl4j(ours, dl4j);
                assertThat(maxAbsDiff(dl4j.output(window, false), now)).as(ws + " round " + round).isLessThan(1e-5);
                INDArray large = padToLargeBatch(window, DataType.FLOAT);
                assertThat(maxAbsDiff(firstRows(ours.output(large, false), 1), now)).isLessThan(1e-5);
                previous = now;
            }
        }
    }

    /** LSTM(6, sequence) -> LSTM(4, last step) -> softmax output, DOUBLE, no dropout. */
    private static MultiLayerNetwork tiny(boolean timeMajor, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER).list();
        if (timeMajor) {
            list.layer(TimeMajorLstm.of(6, false)).layer(TimeMajorLstm.of(4, true));
        } else {
            list.layer(new LSTM.Builder().nOut(6).activation(Activation.TANH).build())
                    .layer(new LastTimeStep(new LSTM.Builder().nOut(4).activation(Activation.TANH).build()));
        }
        MultiLayerConfiguration conf = list
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(3, 7, RNNFormat.NCW))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray oneHot(int batch, int classes, long seed) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, batch, classes);
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, r.nextInt(classes), 1.0);
        }
        return labels;
    }

    @Test
    void gradientsEqualDl4jsLstmInDouble() {
        MultiLayerNetwork dl4j = tiny(false, 1);
        MultiLayerNetwork ours = tiny(true, 2);
        for (int layer : new int[] {0, 1}) {
            Map<String, INDArray> src = dl4j.getLayer(layer).paramTable();
            Map<String, INDArray> dst = ours.getLayer(layer).paramTable();
            for (String key : List.of("W", "RW", "b")) {
                dst.get(key).assign(src.get(key).reshape(dst.get(key).shape()));
            }
        }
        ours.getLayer(2).setParams(dl4j.getLayer(2).params().dup());
        Nd4j.getRandom().setSeed(5);
        // batch sizes alternate as in an epoch with a smaller last batch: the layer swaps its buffer sets
        int[] batches = {5, 3, 5, 2};
        for (int i = 0; i < batches.length; i++) {
            int batch = batches[i];
            INDArray input = Nd4j.randn(DataType.DOUBLE, batch, 3, 7).muli(1.5);
            INDArray labels = oneHot(batch, 3, 9 + i);
            Pair<Gradient, INDArray> expected = dl4j.calculateGradients(input, labels, null, null);
            Pair<Gradient, INDArray> actual = ours.calculateGradients(input, labels, null, null);
            for (String key : List.of("0_W", "0_RW", "0_b", "1_W", "1_RW", "1_b", "2_W", "2_b")) {
                INDArray e = expected.getFirst().getGradientFor(key);
                INDArray a = actual.getFirst().getGradientFor(key);
                assertThat(a).as(key).isNotNull();
                double scale = e.amaxNumber().doubleValue();
                assertThat(scale).as(key).isGreaterThan(0);
                assertThat(maxAbsDiff(e, a.reshape(e.shape())) / scale).as(key + " batch " + batch).isLessThan(1e-8);
            }
            INDArray inputGradient = actual.getSecond();
            assertThat(inputGradient.shape()).containsExactly(batch, 3, 7);
            assertThat(maxAbsDiff(expected.getSecond(), inputGradient) / expected.getSecond().amaxNumber().doubleValue())
                    .isLessThan(1e-8);
            assertThat(maxAbsDiff(dl4j.output(input), ours.output(input))).isLessThan(1e-12);
        }
    }

    @Test
    void passesDl4jsNumericalGradientCheck() {
        DataType defaultType = Nd4j.dataType();
        DataType defaultFloatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerNetwork net = tiny(true, 3);
            Nd4j.getRandom().setSeed(6);
            INDArray input = Nd4j.randn(DataType.DOUBLE, 4, 3, 7);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input)
                    .labels(oneHot(4, 3, 8)).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
            assertThat(ok).isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
        }
    }

    @Test
    void trainsTheSameWithWorkspacesEnabledAndNone() {
        List<DataSet> batches = new ArrayList<>();
        Nd4j.getRandom().setSeed(3);
        for (int i = 0; i < 3; i++) {
            INDArray x = Nd4j.randn(DataType.FLOAT, 16, 5, 50);
            INDArray y = oneHot(16, 3, i).castTo(DataType.FLOAT);
            batches.add(new DataSet(x, y));
        }
        MultiLayerNetwork enabled = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, WorkspaceMode.ENABLED, 21);
        MultiLayerNetwork none = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, WorkspaceMode.NONE, 21);
        assertThat(none.params()).isEqualTo(enabled.params());
        double before = enabled.score(batches.get(0));
        List<Double> enabledScores = fitEpochs(enabled, batches, 8);
        List<Double> noneScores = fitEpochs(none, batches, 8);
        // same seed, same data, same dropout draws (the RNG is reseeded): the two modes take the same steps
        assertThat(enabledScores).allMatch(Double::isFinite);
        for (int i = 0; i < enabledScores.size(); i++) {
            assertThat(noneScores.get(i)).isCloseTo(enabledScores.get(i), org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(maxAbsDiff(enabled.params(), none.params())).isLessThan(1e-5);
        assertThat(enabled.score(batches.get(0))).isLessThan(before);
        INDArray probe = batches.get(1).getFeatures();
        assertThat(maxAbsDiff(enabled.output(probe, false), none.output(probe, false))).isLessThan(1e-5);
    }

    private static List<Double> fitEpochs(MultiLayerNetwork net, List<DataSet> batches, int epochs) {
        Nd4j.getRandom().setSeed(77);
        List<Double> scores = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (DataSet ds : batches) {
                net.fit(ds);
                scores.add(net.score());
            }
        }
        return scores;
    }

    @Test
    void sameDataAndSeedGiveTheSameMetrics() {
        DatasetSpec spec = new DatasetSpec(List.of("signal", "noise", "level"), 16, 4, TargetType.DIRECTION, null, 3.0,
                2, 0.2, 0.2, 20);
        List<MarketRow> rows = new ArrayList<>(SyntheticRows.predictable("BTC", 600, 4, 11));
        rows.addAll(SyntheticRows.predictable("ETH", 600, 4, 12));
        DatasetSplit split = new ChronologicalSplitter().trainTestSplit(new DatasetBuilder().buildFromLogs(rows, spec));
        NormalizationStats stats = new FeatureNormalizer().fit(split.dataset(), split.train());
        TrainingResult[] results = new TrainingResult[2];
        for (int run = 0; run < 2; run++) {
            MultiLayerNetwork net = new ModelFactory(NetworkSettings.defaults(4).withLstmKernel(LstmKernel.TIME_MAJOR))
                    .buildModel(ModelType.LSTM, new InputShape(16, 3), 2, OutputKind.CLASSIFICATION);
            results[run] = new ModelTrainer(new WindowTensors(DataType.FLOAT))
                    .train(net, split, stats, new TrainOptions(3, 32, 10, 4), TrainingListener.NONE);
        }
        assertThat(results[1].validation()).isEqualTo(results[0].validation());
        assertThat(results[1].test()).isEqualTo(results[0].test());
        assertThat(results[1].history()).extracting(e -> e.trainLoss())
                .isEqualTo(results[0].history().stream().map(e -> e.trainLoss()).toList());
    }

    @Test
    void survivesSaveAndLoadAndOldFusedModelsStillLoad() throws Exception {
        for (LstmKernel kernel : new LstmKernel[] {LstmKernel.TIME_MAJOR, LstmKernel.FUSED_OP}) {
            MultiLayerNetwork net = model(kernel, DataType.FLOAT, WorkspaceMode.ENABLED, 31);
            Nd4j.getRandom().setSeed(4);
            INDArray x = Nd4j.randn(DataType.FLOAT, 8, 5, 50);
            net.fit(new DataSet(x, oneHot(8, 3, 1).castTo(DataType.FLOAT)));
            File file = dir.resolve(kernel + ".zip").toFile();
            ModelSerializer.writeModel(net, file, true);
            MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(file, true);
            assertThat(loaded.getLayerWiseConfigurations().getConf(0).getLayer().getClass())
                    .isEqualTo(net.getLayerWiseConfigurations().getConf(0).getLayer().getClass());
            assertThat(loaded.params()).isEqualTo(net.params());
            assertThat(loaded.output(x, false)).isEqualTo(net.output(x, false));
            assertThat(loaded.getUpdater().getStateViewArray()).isEqualTo(net.getUpdater().getStateViewArray());
            // and it keeps training
            loaded.fit(new DataSet(x, oneHot(8, 3, 1).castTo(DataType.FLOAT)));
            assertThat(Double.isFinite(loaded.score())).isTrue();
        }
    }

    @Test
    void refusesAMask() {
        MultiLayerNetwork net = model(LstmKernel.TIME_MAJOR, DataType.FLOAT, WorkspaceMode.ENABLED, 41);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 5, 50);
        INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 50);
        assertThatThrownBy(() -> net.output(x, false, mask, null))
                .hasStackTraceContaining("TimeMajorLstm does not support masks");
    }
}
