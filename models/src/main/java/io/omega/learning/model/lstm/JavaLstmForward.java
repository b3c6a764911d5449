package io.omega.learning.model.lstm;

import io.omega.learning.model.ArrayReads;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The LSTM forward pass of {@link TimeMajorLstmLayer} in plain Java, for inference on small batches (live single
 * windows), where the fixed cost of ND4J ops (~9 per step on the time-major path, or the fused {@code lstmLayer}
 * op's ~1 ms setup) dominates the arithmetic: about 1.5 million multiply-adds per window for the standard LSTM network.
 *
 * <p>Every call reads the current parameters ({@code [nIn + n + 1, 4n]} row-major, rows {@code [W; RW; b]}, gate
 * blocks g, f, o, i) into reused scratch rows, so training between calls is always seen; the scratch arrays are the
 * only state kept between calls (a layer is not thread safe anyway: DL4J sets its input). The maths run in double
 * for FLOAT and DOUBLE layers: {@code z = b + W^T x_t + RW^T h_{t-1}} as axpy loops over the 4n gate outputs (four
 * weight rows per pass, each row its own array, which C2 vectorises), {@code c = sigmoid(i) tanh(g) + sigmoid(f) c},
 * {@code h = sigmoid(o) tanh(c)}, with {@code sigmoid(z) = 1 / (1 + e^-z)} and {@code tanh(z) = 2 sigmoid(2z) - 1}
 * ({@code Math.exp} is a JIT intrinsic, {@code Math.tanh} a native call in Java 17). Only the current h and c are
 * kept. Arrays are read and written through their buffers ({@link DataBuffer#asNioFloat()}, positioned at the
 * array's offset), so no INDArray is created except, for input of another data type, a cast outside workspaces.
 */
final class JavaLstmForward {

    private double[][] rows = new double[0][];
    private float[] paramScratch = new float[0];
    private double[] inputs = new double[0];
    private double[] outD = new double[0];
    private float[] outF = new float[0];
    private double[] z = new double[0];
    private double[] h = new double[0];
    private double[] c = new double[0];

    /**
     * Runs the forward pass of {@code input} ({@code [batch, nIn, steps]}, any strides) with parameters
     * {@code params} (the layer's flattened {@code [nIn + n + 1, 4n]}) and writes {@code out}: 'f' order
     * {@code [batch, n, steps]}, or {@code [batch, n]} when {@code lastStepOnly}, of the params' data type.
     */
    void forward(INDArray input, INDArray params, int nIn, int n, boolean lastStepOnly, INDArray out) {
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        int g4 = 4 * n;
        int k = nIn + n + 1;
        if (params.length() != (long) k * g4) {
            throw new IllegalStateException("expected " + (long) k * g4 + " parameters, got " + params.length());
        }
        int outLength = lastStepOnly ? batch * n : batch * n * steps;
        if (out.length() != outLength || out.ordering() != 'f' || out.elementWiseStride() != 1) {
            throw new IllegalStateException("expected a contiguous 'f' output of length " + outLength);
        }
        ensureCapacity(k, g4, n, batch * nIn * steps, outLength);
        readParams(params, k, g4);
        readInput(input, batch, nIn, steps);

        double[][] w = rows;
        double[] bias = w[k - 1];
        double[] zs = z;
        double[] hs = h;
        double[] cs = c;
        double[] o = outD;
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(hs, 0, n, 0.0);
            java.util.Arrays.fill(cs, 0, n, 0.0);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(bias, 0, zs, 0, g4);
                int xBase = (b * steps + t) * nIn;
                accumulate(zs, w, 0, inputs, xBase, nIn, g4);
                if (t > 0) {
                    accumulate(zs, w, nIn, hs, 0, n, g4);
                }
                for (int j = 0; j < n; j++) {
                    double gate = tanh(zs[j]);
                    double f = sigmoid(zs[n + j]);
                    double og = sigmoid(zs[2 * n + j]);
                    double ig = sigmoid(zs[3 * n + j]);
                    double cell = ig * gate + f * cs[j];
                    cs[j] = cell;
                    hs[j] = og * tanh(cell);
                }
                if (!lastStepOnly) {
                    // 'f' [batch, n, steps]: element (b, j, t) at b + batch * (j + n * t)
                    int base = b + batch * n * t;
                    for (int j = 0; j < n; j++) {
                        o[base + batch * j] = hs[j];
                    }
                }
            }
            if (lastStepOnly) {
                for (int j = 0; j < n; j++) {
                    o[b + batch * j] = hs[j];
                }
            }
        }
        writeOutput(out, outLength);
    }

    /** {@code z += sum_r a[aBase + r] * w[first + r]} over {@code count} rows, four rows per pass. */
    private static void accumulate(double[] z, double[][] w, int first, double[] a, int aBase, int count, int len) {
        int r = 0;
        for (; r + 3 < count; r += 4) {
            double a0 = a[aBase + r];
            double a1 = a[aBase + r + 1];
            double a2 = a[aBase + r + 2];
            double a3 = a[aBase + r + 3];
            double[] w0 = w[first + r];
            double[] w1 = w[first + r + 1];
            double[] w2 = w[first + r + 2];
            double[] w3 = w[first + r + 3];
            for (int i = 0; i < len; i++) {
                z[i] += a0 * w0[i] + a1 * w1[i] + a2 * w2[i] + a3 * w3[i];
            }
        }
        for (; r < count; r++) {
            double a0 = a[aBase + r];
            double[] w0 = w[first + r];
            for (int i = 0; i < len; i++) {
                z[i] += a0 * w0[i];
            }
        }
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static double tanh(double x) {
        return 2.0 / (1.0 + Math.exp(-2.0 * x)) - 1.0;
    }

    private void ensureCapacity(int k, int g4, int n, int inputLength, int outLength) {
        if (rows.length != k || rows[0].length != g4) {
            rows = new double[k][g4];
            paramScratch = new float[g4];
            z = new double[g4];
            h = new double[n];
            c = new double[n];
        }
        if (inputs.length < inputLength) {
            inputs = new double[inputLength];
        }
        if (outD.length < outLength) {
            outD = new double[outLength];
            outF = new float[outLength];
        }
    }

    /** Copies the current parameters into the scratch rows (never cached: training changes them). */
    private void readParams(INDArray params, int k, int g4) {
        if (params.elementWiseStride() != 1) {
            throw new IllegalStateException("parameters are not contiguous");
        }
        for (int r = 0; r < k; r++) {
            ArrayReads.span(params, (long) r * g4, g4, rows[r], 0, paramScratch);
        }
    }

    /** Reads {@code [batch, nIn, steps]} (any strides) into {@code inputs[(b * steps + t) * nIn + i]}. */
    private void readInput(INDArray input, int batch, int nIn, int steps) {
        ArrayReads.Rank3 in = new ArrayReads.Rank3(input);
        double[] x = inputs;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int dst = (b * steps + t) * nIn;
                for (int i = 0; i < nIn; i++) {
                    x[dst + i] = in.get(b, i, t);
                }
            }
        }
    }

    private void writeOutput(INDArray out, int length) {
        if (out.dataType() == DataType.FLOAT) {
            float[] f = outF;
            double[] d = outD;
            for (int i = 0; i < length; i++) {
                f[i] = (float) d[i];
            }
            FloatBuffer fb = out.data().asNioFloat();
            fb.put(fb.position(), f, 0, length);
        } else if (out.dataType() == DataType.DOUBLE) {
            DoubleBuffer db = out.data().asNioDouble();
            db.put(db.position(), outD, 0, length);
        } else {
            throw new IllegalStateException("TimeMajorLstm computes FLOAT and DOUBLE only, got " + out.dataType());
        }
    }
}
