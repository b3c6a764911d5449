package io.omega.learning.bench;

import io.omega.learning.model.InputShape;
import io.omega.learning.model.LstmKernel;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import io.omega.learning.model.inference.WindowPredictor;
import io.omega.learning.model.inference.WindowPredictors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput and prediction latency of both networks on synthetic 50x5 windows. The machine is shared
 * and noisy, so variants are measured side by side: every variant is built and warmed up once, then the rounds
 * interleave the variants and the median per variant is reported with its ratio to the target.
 *
 * <pre>
 * mvn -B -o -pl models test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd models && OMP_NUM_THREADS=1 java -Xmx2g -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     io.omega.learning.bench.TrainingBench variants=cnn:32,cnn:128,lstm:32,lstm-dl4j:32 rounds=3 seconds=3
 * </pre>
 * A variant is {@code model:batch[:ws][:dtype]}: model {@code cnn}, {@code lstm} (the default LSTM kernel),
 * {@code lstm-tm} (TimeMajorLstm), {@code lstm-fused} (FusedLstm, ND4J's lstmLayer op) or {@code lstm-dl4j} (DL4J's
 * own LSTM layer); ws {@code ENABLED|NONE}; dtype {@code FLOAT|DOUBLE}. {@code predict=cnn,lstm} measures
 * {@code network.output(x, false)} per model, plus {@code <model>-java} through {@link WindowPredictors#of} when
 * that picks its own engine (the plain-Java CNN; the LSTM's is inside its layer, so it has no second probe).
 */
public final class TrainingBench {

    private static final int WINDOW = 50;
    private static final int FEATURES = 5;

    public static void main(String[] args) {
        NativeRuntime.ensureConfigured();
        List<String> specs = List.of(arg(args, "variants", "cnn:32,cnn:128,lstm:32,lstm:128").split(","));
        int rounds = Integer.parseInt(arg(args, "rounds", "3"));
        double seconds = Double.parseDouble(arg(args, "seconds", "3"));
        int predictions = Integer.parseInt(arg(args, "predictions", "2000"));
        List<String> predictModels = List.of(arg(args, "predict", "cnn,lstm").split(","));

        System.out.printf(Locale.ROOT, "backend=%s extension=%s OMP_NUM_THREADS=%s maxThreads=%d rounds=%d seconds=%.1f%n",
                Nd4j.getBackend().getClass().getSimpleName(), System.getProperty(NativeRuntime.EXTENSION_PROPERTY),
                System.getenv("OMP_NUM_THREADS"), Nd4j.getEnvironment().maxThreads(), rounds, seconds);

        List<Variant> variants = specs.stream().filter(s -> !s.isBlank()).map(Variant::parse).toList();
        for (Variant v : variants) {
            v.warmUp(Math.min(3, seconds));
        }
        List<LatencyProbe> probes = new ArrayList<>();
        for (String model : predictModels) {
            if (!model.isBlank()) {
                MultiLayerNetwork net = Variant.build(model, WorkspaceMode.ENABLED, DataType.FLOAT);
                probes.add(new LatencyProbe(model, x -> net.output(x, false)));
                // the live-prediction API: a second probe when it has its own engine (the Java CNN)
                WindowPredictor predictor = WindowPredictors.of(net);
                if (predictor.engine() != WindowPredictor.Engine.DL4J) {
                    probes.add(new LatencyProbe(model + "-java", predictor::predict));
                }
            }
        }
        probes.forEach(LatencyProbe::warmUp);
        for (int r = 1; r <= rounds; r++) {
            for (Variant v : variants) {
                double rate = v.measure(seconds);
                System.out.printf(Locale.ROOT, "round %d train %-24s %,10.0f samples/s wall, %,10.0f samples per CPU-second%n",
                        r, v.name, rate, v.cpuRates.get(v.cpuRates.size() - 1));
            }
            for (LatencyProbe p : probes) {
                p.measure(predictions, seconds);
                System.out.printf(Locale.ROOT, "round %d %s%n", r, p.last());
            }
        }
        System.out.println("---- medians over " + rounds + " rounds");
        for (Variant v : variants) {
            double target = v.model.equals("cnn") ? 10_000 : 3_000;
            double median = median(v.rates);
            double cpu = median(v.cpuRates);
            // Samples per CPU-second of this process: less sensitive to other processes on the shared cores.
            System.out.printf(Locale.ROOT, "train %-24s wall %,8.0f samples/s (%.3f of target %,.0f; rounds %s); "
                            + "%,8.0f samples per CPU-second%n", v.name,
                    median, median / target, target, fmt(v.rates), cpu);
        }
        for (LatencyProbe p : probes) {
            System.out.println(p.summary());
        }
    }

    private static final class Variant {
        final String name;
        final String model;
        final MultiLayerNetwork net;
        final List<DataSet> batches;
        final int batch;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpuRates = new ArrayList<>();
        int next;

        private Variant(String name, String model, MultiLayerNetwork net, List<DataSet> batches, int batch) {
            this.name = name;
            this.model = model;
            this.net = net;
            this.batches = batches;
            this.batch = batch;
        }

        static Variant parse(String spec) {
            String[] p = spec.trim().split(":");
            String model = p[0];
            int batch = Integer.parseInt(p[1]);
            WorkspaceMode ws = p.length > 2 ? WorkspaceMode.valueOf(p[2]) : WorkspaceMode.ENABLED;
            DataType dtype = p.length > 3 ? DataType.valueOf(p[3]) : DataType.FLOAT;
            return new Variant(spec.trim(), model, build(model, ws, dtype),
                    syntheticBatches(batch, Math.max(4, 2048 / batch), dtype), batch);
        }

        static MultiLayerNetwork build(String model, WorkspaceMode ws, DataType dtype) {
            ModelType type = model.startsWith("lstm") ? ModelType.LSTM : ModelType.CNN;
            NetworkSettings settings = NetworkSettings.defaults(42).withWorkspaceMode(ws).withDataType(dtype);
            settings = switch (model) {
                case "cnn", "lstm" -> settings; // the default LSTM kernel
                case "lstm-dl4j" -> settings.withLstmKernel(LstmKernel.DL4J);
                case "lstm-fused" -> settings.withLstmKernel(LstmKernel.FUSED_OP);
                case "lstm-tm" -> settings.withLstmKernel(LstmKernel.TIME_MAJOR);
                default -> throw new IllegalArgumentException("unknown model " + model
                        + " (cnn, lstm, lstm-dl4j, lstm-fused, lstm-tm)");
            };
            return new ModelFactory(settings).buildModel(type, new InputShape(WINDOW, FEATURES), 2,
                    OutputKind.CLASSIFICATION);
        }

        void warmUp(double seconds) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            do {
                net.fit(batches.get(next++ % batches.size()));
            } while (System.nanoTime() < end);
        }

        double measure(double seconds) {
            long samples = 0;
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            do {
                net.fit(batches.get(next++ % batches.size()));
                samples += batch;
            } while (System.nanoTime() < end);
            double rate = samples / ((System.nanoTime() - start) / 1e9);
            rates.add(rate);
            cpuRates.add(samples / ((processCpuNanos() - cpuStart) / 1e9));
            return rate;
        }
    }

    private static final class LatencyProbe {
        final String model;
        final UnaryOperator<INDArray> net;
        final INDArray one;
        final INDArray many;
        final List<double[]> results = new ArrayList<>();

        /** {@code predict}: {@code network.output(x, false)} or a {@link WindowPredictor}'s {@code predict}. */
        LatencyProbe(String model, UnaryOperator<INDArray> predict) {
            this.model = model;
            this.net = predict;
            this.one = syntheticBatches(1, 1, DataType.FLOAT).get(0).getFeatures();
            this.many = syntheticBatches(256, 1, DataType.FLOAT).get(0).getFeatures();
        }

        void warmUp() {
            for (int i = 0; i < 1000; i++) {
                net.apply(one);
            }
            for (int i = 0; i < 10; i++) {
                net.apply(many);
            }
        }

        void measure(int count, double seconds) {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                net.apply(one);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            long calls = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds / 2 * 1e9);
            do {
                net.apply(many);
                calls++;
            } while (System.nanoTime() < end && calls < 200);
            double batchMs = (System.nanoTime() - start) / 1e6 / calls;
            results.add(new double[] {nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6, nanos[count - 1] / 1e6,
                    batchMs});
        }

        String last() {
            double[] r = results.get(results.size() - 1);
            return String.format(Locale.ROOT, "predict %-8s single p50 %.3f ms p99 %.3f ms max %.1f ms; batch 256: %.2f ms (%,.0f windows/s)",
                    model, r[0], r[1], r[2], r[3], 256 / r[3] * 1000);
        }

        String summary() {
            double p50 = median(results.stream().map(r -> r[0]).toList());
            double p99 = median(results.stream().map(r -> r[1]).toList());
            double batch = median(results.stream().map(r -> r[3]).toList());
            return String.format(Locale.ROOT, "predict %-8s single window p50 %.3f ms, p99 %.3f ms (%.2f of target 1 ms; rounds %s); "
                            + "batch 256 %.2f ms = %,.0f windows/s",
                    model, p50, p99, p99 / 1.0, fmt(results.stream().map(r -> r[1]).toList()), batch, 256 / batch * 1000);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(d -> d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3f", d))
                .toList().toString();
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
