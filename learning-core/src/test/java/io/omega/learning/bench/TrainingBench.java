package io.omega.learning.bench;

import io.omega.learning.model.InputShape;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput and prediction latency of both networks on synthetic 50x5 windows, measured side by side in
 * one JVM. Run (after {@code mvn -pl learning-core install -DskipTests} and building the test classpath):
 * <pre>
 * java -cp learning-core/target/test-classes:learning-core/target/classes:$(cat learning-core/target/bench.cp) \
 *   io.omega.learning.bench.TrainingBench [models=cnn,lstm] [batches=32,128] [seconds=8] [ws=ENABLED] [dtype=FLOAT]
 * </pre>
 */
public final class TrainingBench {

    private static final int WINDOW = 50;
    private static final int FEATURES = 5;

    public static void main(String[] args) {
        List<String> models = List.of(arg(args, "models", "cnn,lstm").split(","));
        int[] batches = Arrays.stream(arg(args, "batches", "32,128").split(",")).mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(arg(args, "seconds", "8"));
        WorkspaceMode ws = WorkspaceMode.valueOf(arg(args, "ws", "ENABLED"));
        DataType dtype = DataType.valueOf(arg(args, "dtype", "FLOAT"));
        int predictions = Integer.parseInt(arg(args, "predictions", "3000"));
        boolean predict = Boolean.parseBoolean(arg(args, "predict", "true"));

        NativeRuntime.ensureConfigured();
        NetworkSettings settings = NetworkSettings.defaults(42).withWorkspaceMode(ws).withDataType(dtype);
        ModelFactory factory = new ModelFactory(settings);
        System.out.printf(Locale.ROOT, "backend=%s extension=%s omp=%s maxThreads=%d ws=%s dtype=%s%n",
                Nd4j.getBackend().getClass().getSimpleName(), System.getProperty("org.bytedeco.javacpp.platform.extension"),
                System.getenv("OMP_NUM_THREADS"), Nd4j.getEnvironment().maxThreads(), ws, dtype);

        List<String> lines = new ArrayList<>();
        for (String model : models) {
            ModelType type = ModelType.parse(model);
            for (int batch : batches) {
                MultiLayerNetwork net = factory.buildModel(type, new InputShape(WINDOW, FEATURES), 2, OutputKind.CLASSIFICATION);
                double rate = trainingRate(net, batch, seconds, dtype);
                lines.add(String.format(Locale.ROOT, "train %-4s batch %4d: %,10.0f samples/s", model, batch, rate));
                System.out.println(lines.get(lines.size() - 1));
            }
            if (predict) {
                MultiLayerNetwork net = factory.buildModel(type, new InputShape(WINDOW, FEATURES), 2, OutputKind.CLASSIFICATION);
                lines.add(predictionLatency(model, net, predictions, dtype));
                System.out.println(lines.get(lines.size() - 1));
                lines.add(batchedPrediction(model, net, 256, seconds, dtype));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        System.out.println("---- summary");
        lines.forEach(System.out::println);
    }

    private static double trainingRate(MultiLayerNetwork net, int batch, double seconds, DataType dtype) {
        List<DataSet> batches = syntheticBatches(batch, Math.max(8, 4096 / batch), dtype);
        // Warm-up: native loading, JIT, workspace sizing.
        long warmEnd = System.nanoTime() + (long) (Math.min(3, seconds / 2) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            net.fit(batches.get(i++ % batches.size()));
        }
        long samples = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            net.fit(batches.get(i++ % batches.size()));
            samples += batch;
        }
        return samples / ((System.nanoTime() - start) / 1e9);
    }

    private static String predictionLatency(String model, MultiLayerNetwork net, int count, DataType dtype) {
        INDArray one = syntheticBatches(1, 1, dtype).get(0).getFeatures();
        for (int i = 0; i < Math.max(500, count / 3); i++) {
            net.output(one, false);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            net.output(one, false);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "predict %-4s single window: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)",
                model, nanos[count / 2] / 1e6, nanos[(int) (count * 0.9)] / 1e6, nanos[(int) (count * 0.99)] / 1e6,
                nanos[count - 1] / 1e6, count);
    }

    private static String batchedPrediction(String model, MultiLayerNetwork net, int batch, double seconds, DataType dtype) {
        INDArray features = syntheticBatches(batch, 1, dtype).get(0).getFeatures();
        for (int i = 0; i < 20; i++) {
            net.output(features, false);
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds / 2 * 1e9);
        while (System.nanoTime() < end) {
            net.output(features, false);
            calls++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "predict %-4s batch %d: %.3f ms per batch, %,.0f windows/s",
                model, batch, elapsed / calls * 1e3, calls * batch / elapsed);
    }

    private static List<DataSet> syntheticBatches(int batch, int count, DataType dtype) {
        Random random = new Random(7);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] x = new float[batch * FEATURES * WINDOW];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            float[] y = new float[batch * 2];
            for (int s = 0; s < batch; s++) {
                y[s * 2 + random.nextInt(2)] = 1f;
            }
            INDArray features = Nd4j.create(x, new long[] {batch, FEATURES, WINDOW}, 'c').castTo(dtype);
            INDArray labels = Nd4j.create(y, new long[] {batch, 2}, 'c').castTo(dtype);
            out.add(new DataSet(features, labels));
        }
        return out;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
