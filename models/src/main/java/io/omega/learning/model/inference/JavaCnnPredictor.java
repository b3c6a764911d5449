package io.omega.learning.model.inference;

import static io.omega.learning.model.inference.WindowPredictors.CONV1;
import static io.omega.learning.model.inference.WindowPredictors.CONV2;
import static io.omega.learning.model.inference.WindowPredictors.CONV3;
import static io.omega.learning.model.inference.WindowPredictors.DENSE;
import static io.omega.learning.model.inference.WindowPredictors.OUTPUT;

import io.omega.learning.model.ArrayReads;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward pass of ModelFactory's CNN in plain Java (checked by {@link WindowPredictors#javaCnnMismatch}), for single
 * windows and batches under {@value #JAVA_BELOW_BATCH}; larger batches go to {@code network.output}. One window of
 * 50x5 is about 0.5 million multiply-adds, far less than the fixed cost of DL4J's ~10 native ops per call.
 *
 * <p>Every call reads the network's current parameters (about 40k values, ~0.16 MB for FLOAT) into reused
 * scratch arrays, laid out so that each input value multiplies one contiguous row of output channels and the
 * inner loops are axpys over output channels, which C2 vectorises. Dense and output {@code W [nIn, nOut]} ('f' in
 * DL4J) are transposed to {@code w[i * nOut + o]}. The conv parameter {@code W} is declared {@code [nOut, nIn, 3,
 * 1]}, but DL4J 1.0.0-M2.1's Conv1D op reads it <em>reshaped</em> (not permuted) to {@code [3, nIn, nOut]}: the
 * weight of output o, input i, tap k is element {@code (k * nIn + i) * nOut + o} of the parameter in 'c' order
 * (found by fitting DL4J's activations; the tests pin it), which is already the layout wanted, so it is read as is. Nothing is cached, so training, {@code setParams} or a restore of the best epoch
 * are always seen. All maths in double; the input is first rounded to the network's data type (as DL4J casts it).
 *
 * <p>Activations are time-major ({@code [step][channel]}), with one zero row before and after the input of each
 * convolution: DL4J's Same mode for kernel 3, stride 1, dilation 1 pads one step on each side, and output step t
 * is {@code b[o] + sum_k sum_i w(o, i, k) x[t + k - 1][i]} (cross-correlation). Max pooling (kernel 2, stride 2,
 * Truncate) gives {@code L / 2} steps (an odd length drops its last step) and one step for {@code L = 1} (DL4J's
 * {@code (L - 2) / 2 + 1} with C's truncating division: the max over the one step that exists). Then the mean over
 * time, dense + ReLU, dropout (the identity at inference), output + softmax (max subtracted) or identity.
 */
final class JavaCnnPredictor implements WindowPredictor {

    static final int JAVA_BELOW_BATCH = 32;
    private static final int K = 3;
    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;

    private final MultiLayerNetwork network;
    private final Dl4jWindowPredictor fallback;
    private final DataType dataType;
    private final boolean softmax;
    /** Channels: c0 = input features, c1..c3 = conv outputs; then dense and output widths. */
    private final int c0, c1, c2, c3, nDense, nOut;

    private final double[] w1, b1, w2, b2, w3, b3, wd, bd, wo, bo;
    private final double[] y3, mean, hidden, z;
    private double[] raw = new double[0];
    private float[] rawF = new float[0];
    private double[] x = new double[0], y1 = new double[0], p1 = new double[0], y2 = new double[0], p2 = new double[0];

    JavaCnnPredictor(MultiLayerNetwork network) {
        this.network = network;
        this.fallback = new Dl4jWindowPredictor(network);
        this.dataType = network.params().dataType();
        this.softmax = network.getLayer(OUTPUT).conf().getLayer() instanceof FeedForwardLayer f
                && f.getActivationFn() instanceof ActivationSoftmax;
        c0 = nIn(CONV1);
        c1 = nOut(CONV1);
        c2 = nOut(CONV2);
        c3 = nOut(CONV3);
        nDense = nOut(DENSE);
        nOut = nOut(OUTPUT);
        if (nIn(CONV2) != c1 || nIn(CONV3) != c2 || nIn(DENSE) != c3 || nIn(OUTPUT) != nDense) {
            throw new IllegalArgumentException("inconsistent layer sizes");
        }
        w1 = new double[c1 * c0 * K];
        w2 = new double[c2 * c1 * K];
        w3 = new double[c3 * c2 * K];
        wd = new double[c3 * nDense];
        wo = new double[nDense * nOut];
        b1 = new double[c1];
        b2 = new double[c2];
        b3 = new double[c3];
        bd = new double[nDense];
        bo = new double[nOut];
        y3 = new double[c3];
        mean = new double[c3];
        hidden = new double[nDense];
        z = new double[nOut];
    }

    private int nIn(int layer) {
        return (int) ((FeedForwardLayer) network.getLayer(layer).conf().getLayer()).getNIn();
    }

    private int nOut(int layer) {
        return (int) ((FeedForwardLayer) network.getLayer(layer).conf().getLayer()).getNOut();
    }

    @Override
    public Engine engine() {
        return Engine.JAVA_CNN;
    }

    @Override
    public synchronized INDArray predict(INDArray features) {
        if (features.rank() != 3 || features.size(1) != c0 || features.size(2) < 1) {
            throw new IllegalArgumentException("expected [batch, " + c0 + ", window] (NCW), got "
                    + Arrays.toString(features.shape()));
        }
        int batch = (int) features.size(0);
        if (batch < 1 || batch >= JAVA_BELOW_BATCH) {
            return fallback.predict(features);
        }
        int steps = (int) features.size(2);
        readParams();
        ensureCapacity(steps);
        double[] out = new double[batch * nOut];
        ArrayReads.Rank3 reader = new ArrayReads.Rank3(features);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < c0; c++) {
                for (int t = 0; t < steps; t++) {
                    x[(t + 1) * c0 + c] = round(reader.get(b, c, t));
                }
            }
            forward(steps, out, b * nOut);
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            long[] shape = {batch, nOut};
            if (dataType == DataType.DOUBLE) {
                return Nd4j.create(out, shape, 'c');
            }
            float[] f = new float[out.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) out[i];
            }
            return Nd4j.create(f, shape, 'c');
        }
    }

    @Override
    public synchronized double[] predictOne(double[][] window) {
        int steps = WindowPredictors.steps(window);
        if (window.length != c0) {
            throw new IllegalArgumentException("expected " + c0 + " feature rows, got " + window.length);
        }
        readParams();
        ensureCapacity(steps);
        for (int c = 0; c < c0; c++) {
            double[] row = window[c];
            for (int t = 0; t < steps; t++) {
                x[(t + 1) * c0 + c] = round(row[t]);
            }
        }
        double[] out = new double[nOut];
        forward(steps, out, 0);
        return out;
    }

    private double round(double v) {
        return dataType == DataType.FLOAT ? (double) (float) v : v;
    }

    /** The whole network for the window in {@code x} (rows 1..steps); writes {@code nOut} values at outBase. */
    private void forward(int l0, double[] out, int outBase) {
        conv(x, l0, c0, w1, b1, c1, y1);
        int l1 = pool(y1, l0, c1, p1);
        conv(p1, l1, c1, w2, b2, c2, y2);
        int l2 = pool(y2, l1, c2, p2);
        // conv 3 straight into the average over time: its output is not kept
        double[] g = mean;
        Arrays.fill(g, 0.0);
        for (int t = 0; t < l2; t++) {
            convStep(p2, t, c2, w3, b3, c3, y3, 0);
            for (int o = 0; o < c3; o++) {
                g[o] += y3[o]; // ReLU already applied
            }
        }
        for (int o = 0; o < c3; o++) {
            g[o] /= l2;
        }
        dense(g, c3, wd, bd, nDense, hidden);
        for (int o = 0; o < nDense; o++) {
            hidden[o] = Math.max(0.0, hidden[o]);
        }
        dense(hidden, nDense, wo, bo, nOut, z);
        if (softmax) {
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < nOut; o++) {
                max = Math.max(max, z[o]);
            }
            double sum = 0;
            for (int o = 0; o < nOut; o++) {
                double e = Math.exp(z[o] - max);
                z[o] = e;
                sum += e;
            }
            for (int o = 0; o < nOut; o++) {
                out[outBase + o] = z[o] / sum;
            }
        } else {
            System.arraycopy(z, 0, out, outBase, nOut);
        }
    }

    /** Same-mode conv (kernel 3) + ReLU of {@code in} (rows 0 and steps + 1 zero) into {@code out [steps][cout]}. */
    private static void conv(double[] in, int steps, int cin, double[] w, double[] b, int cout, double[] out) {
        for (int t = 0; t < steps; t++) {
            convStep(in, t, cin, w, b, cout, out, t * cout);
        }
    }

    private static void convStep(double[] in, int t, int cin, double[] w, double[] b, int cout, double[] out, int o) {
        System.arraycopy(b, 0, out, o, cout);
        int r = t * cin; // padded row t holds step t - 1
        for (int i = 0; i < cin; i++) {
            double a0 = in[r + i];
            double a1 = in[r + cin + i];
            double a2 = in[r + 2 * cin + i];
            if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0) {
                continue; // common after ReLU; adds nothing
            }
            int w0 = i * cout; // tap k of input i: row (k * cin + i)
            int w1 = (cin + i) * cout;
            int w2 = (2 * cin + i) * cout;
            for (int j = 0; j < cout; j++) {
                out[o + j] += a0 * w[w0 + j] + a1 * w[w1 + j] + a2 * w[w2 + j];
            }
        }
        for (int j = 0; j < cout; j++) {
            out[o + j] = Math.max(0.0, out[o + j]);
        }
    }

    /** Max pooling, kernel 2, stride 2, Truncate, of {@code in [steps][c]} into rows 1.. of padded {@code out}. */
    private static int pool(double[] in, int steps, int c, double[] out) {
        int n = steps >= 2 ? steps / 2 : 1;
        for (int t = 0; t < n; t++) {
            int a = 2 * t * c;
            int dst = (t + 1) * c;
            if (2 * t + 1 < steps) {
                for (int j = 0; j < c; j++) {
                    out[dst + j] = Math.max(in[a + j], in[a + c + j]);
                }
            } else {
                System.arraycopy(in, a, out, dst, c);
            }
        }
        Arrays.fill(out, 0, c, 0.0);
        Arrays.fill(out, (n + 1) * c, (n + 2) * c, 0.0);
        return n;
    }

    /** {@code out = b + sum_i in[i] w[i][:]} (no activation). */
    private static void dense(double[] in, int nIn, double[] w, double[] b, int n, double[] out) {
        System.arraycopy(b, 0, out, 0, n);
        for (int i = 0; i < nIn; i++) {
            double a = in[i];
            if (a == 0.0) {
                continue;
            }
            int base = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a * w[base + j];
            }
        }
    }

    private void ensureCapacity(int l0) {
        int l1 = l0 >= 2 ? l0 / 2 : 1;
        int l2 = l1 >= 2 ? l1 / 2 : 1;
        if (x.length < (l0 + 2) * c0) {
            x = new double[(l0 + 2) * c0];
            y1 = new double[l0 * c1];
            p1 = new double[(l1 + 2) * c1];
            y2 = new double[l1 * c2];
            p2 = new double[(l2 + 2) * c2];
        }
        // zero padding rows of the input (the rows in between are overwritten)
        Arrays.fill(x, 0, c0, 0.0);
        Arrays.fill(x, (l0 + 1) * c0, (l0 + 2) * c0, 0.0);
    }

    /** Reads every parameter now (never cached: training changes them). */
    private void readParams() {
        // conv W [nOut, nIn, 3, 1], read in 'c' order: the Conv1D op's [3, nIn, nOut]
        readConv(CONV1, c0, c1, w1, b1);
        readConv(CONV2, c1, c2, w2, b2);
        readConv(CONV3, c2, c3, w3, b3);
        readDense(DENSE, c3, nDense, wd, bd);
        readDense(OUTPUT, nDense, nOut, wo, bo);
    }

    private void readConv(int layer, int cin, int cout, double[] w, double[] b) {
        org.deeplearning4j.nn.api.Layer l = network.getLayer(layer);
        readCOrder(l.getParam(W), new long[] {cout, cin, K, 1}, w);
        readCOrder(l.getParam(B), new long[] {cout}, b);
    }

    private void readDense(int layer, int nIn, int n, double[] w, double[] b) {
        org.deeplearning4j.nn.api.Layer l = network.getLayer(layer);
        INDArray weights = l.getParam(W);
        checkShape(weights, new long[] {nIn, n});
        // element (i, o) at i * s0 + o * s1 ('f' order in DL4J: s0 = 1, s1 = nIn) -> w[i * n + o]
        long[] stride = weights.stride();
        int s0 = Math.toIntExact(stride[0]);
        int s1 = Math.toIntExact(stride[1]);
        double[] r = readSpan(weights, Math.toIntExact(1 + (nIn - 1L) * s0 + (n - 1L) * s1));
        if (s0 < 0 || s1 < 0) {
            throw new IllegalStateException("negative parameter stride " + Arrays.toString(stride));
        }
        for (int o = 0; o < n; o++) {
            int src = o * s1;
            for (int i = 0; i < nIn; i++) {
                w[i * n + o] = r[src + i * s0];
            }
        }
        INDArray bias = l.getParam(B);
        readCOrder(bias, bias.rank() == 2 ? new long[] {1, n} : new long[] {n}, b);
    }

    /** A parameter of {@code shape} into {@code dst} in its logical 'c' order (a bulk copy when contiguous 'c'). */
    private void readCOrder(INDArray p, long[] shape, double[] dst) {
        checkShape(p, shape);
        int n = Math.toIntExact(p.length());
        if (p.ordering() == 'c' && p.elementWiseStride() == 1 || p.rank() == 1 && p.elementWiseStride() == 1) {
            double[] r = readSpan(p, n);
            System.arraycopy(r, 0, dst, 0, n);
            return;
        }
        // any other layout: through ND4J (allocates; not the case for DL4J's parameter views)
        double[] v = p.dup('c').data().asDouble();
        System.arraycopy(v, 0, dst, 0, n);
    }

    private static void checkShape(INDArray p, long[] shape) {
        if (p == null || !Arrays.equals(p.shape(), shape)) {
            throw new IllegalStateException("expected a parameter of shape " + Arrays.toString(shape) + ", got "
                    + (p == null ? null : Arrays.toString(p.shape())));
        }
    }

    /** The first {@code n} values of {@code p}'s memory, from its offset, as doubles in {@code raw}. */
    private double[] readSpan(INDArray p, int n) {
        if (raw.length < n) {
            raw = new double[n];
            rawF = new float[n];
        }
        ArrayReads.span(p, 0, n, raw, 0, rawF);
        return raw;
    }
}
