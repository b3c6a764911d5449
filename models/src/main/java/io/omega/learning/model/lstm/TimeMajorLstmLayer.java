package io.omega.learning.model.lstm;

import static io.omega.learning.model.lstm.TimeMajorLstmParamInitializer.BIAS_KEY;
import static io.omega.learning.model.lstm.TimeMajorLstmParamInitializer.INPUT_WEIGHT_KEY;
import static io.omega.learning.model.lstm.TimeMajorLstmParamInitializer.RECURRENT_WEIGHT_KEY;

import java.util.Arrays;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.same.OneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layer of {@link TimeMajorLstm}: DL4J's LSTM maths with a hand-written backward pass that reuses the forward
 * pass's activations (nothing is recomputed) and does one gemm per step in each direction.
 *
 * <p>Layout. Everything runs "feature-major" per time step: an activation of one step is {@code [features, batch]}
 * (row-major), and the steps are stacked time-major, so every per-step operand is one contiguous block:
 * <ul>
 *   <li>{@code XH [T+1, nIn+n+1, B]}: per step the column-stacked input {@code x_t}, previous hidden state
 *       {@code h_{t-1}} and a row of ones; the gemm {@code Z_t = [W; RW; b]^T XH_t} computes input projection,
 *       recurrence and bias at once (the parameters are one row-major {@code [nIn+n+1, 4n]} matrix, see
 *       {@link TimeMajorLstmParamInitializer}); {@code h_t} is written straight into {@code XH_{t+1}}.</li>
 *   <li>{@code G [T, 4n, B]}: gate activations in place of their pre-activations, rows in DL4J's gate order
 *       g (tanh), f, o, i (sigmoid), one contiguous block per step.</li>
 *   <li>{@code C [T, n, B]} cell states and {@code tanh(C)}.</li>
 * </ul>
 * Forward per step: the gemm, one tanh over all four gate blocks ({@code sigmoid(z) = 0.5 tanh(z/2) + 0.5} for
 * f, o, i, so one call to ND4J's "tanh" custom op, which runs oneDNN's vectorised kernel in FLOAT), the cell update
 * and {@code h = o tanh(c)}: 9 elementwise ops. Backward per step: ~14 elementwise ops write {@code dZ_t [4n, B]}
 * (activation derivatives from the stored activations: {@code a(1-a)}, {@code 1-g^2}, {@code 1-tanh(c)^2}); one
 * gemm {@code [W; RW] dZ_t} gives {@code [dx_t; dh_{t-1}]} and one accumulating gemm {@code XH_t dZ_t^T} gives the
 * gradients of W, RW and b together. Multiply/add/copy go through libnd4j's legacy pairwise loop
 * ({@link PairwiseOp}, ~1-2 us per call instead of ~27 us for ND4J's custom-op {@code MulOp}). Outputs and input
 * gradients are 'f' order {@code [batch, n, steps]} (as DL4J's own LSTM returns), whose memory layout is the
 * time-major one, and are copied one contiguous step at a time.
 *
 * <p>Memory: the training pass keeps its buffers (gates, cells, hidden states and backward scratch) in arrays owned
 * by the layer and outside any workspace, because the forward pass's activations must survive until backprop; they
 * are allocated once per (batch size, steps, data type) (two such sets are kept, for an epoch's full batches and its
 * smaller last batch) and reused, so training allocates nothing per step or per iteration (about 60 MB for the
 * 64-unit layer at batch 512, FLOAT). {@link #clear()}, which DL4J calls after every fit, drops the reference to the
 * cached forward pass, not the buffers. Outputs are created as {@link ArrayType#ACTIVATIONS}, input gradients as
 * {@link ArrayType#ACTIVATION_GRAD}; inference on batches of {@link #JAVA_INFERENCE_BELOW_BATCH} or more runs in
 * {@link ArrayType#FF_WORKING_MEM} with one step of gates and cells, smaller batches in plain Java
 * ({@link JavaLstmForward}).
 */
public class TimeMajorLstmLayer extends BaseLayer<TimeMajorLstm> {

    /** Below this batch size inference runs in plain Java (see {@link #javaInference}). */
    static final int JAVA_INFERENCE_BELOW_BATCH = 32;

    private Buffers trainingBuffers;
    private JavaLstmForward javaForward;
    private Buffers spareBuffers;
    private Buffers forwardCache;
    private INDArray forwardCacheInput;

    public TimeMajorLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException("TimeMajorLstm has no pretraining gradient " + layerId());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        if (maskArray != null) {
            throw new UnsupportedOperationException("TimeMajorLstm does not support masks " + layerId()
                    + "; use equal-length windows without a mask, or LstmKernel.DL4J");
        }
        return new Pair<>(null, currentMaskState);
    }

    @Override
    public void clear() {
        super.clear();
        forwardCache = null;
        forwardCacheInput = null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!training && input.rank() == 3 && input.size(0) < JAVA_INFERENCE_BELOW_BATCH) {
            return javaInference(workspaceMgr);
        }
        Buffers b = forward(training, workspaceMgr);
        INDArray out;
        if (layerConf().isLastStepOnly()) {
            out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {b.batch, b.n}, 'f');
            Nd4j.getExecutioner().exec(PairwiseOp.copy(b.hStep[b.steps], out.transpose()));
        } else {
            // 'f' order [batch, n, steps] has the memory layout of our [steps, n, batch]: a straight copy (a 'c'
            // order output would be a transposing copy, ~25x slower); DL4J's own LSTM returns 'f' order too
            out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {b.batch, b.n, b.steps}, 'f');
            copySteps(b.hStep, 1, out.permute(2, 1, 0), b.steps, false);
        }
        return out;
    }

    /**
     * Inference on small batches (live single-window predictions) in plain Java ({@link JavaLstmForward}): the
     * arithmetic of one window is ~1.5 million multiply-adds, far less than the fixed cost of ND4J's ops (~9 per
     * step on the time-major path, ~1 ms for the fused lstmLayer op). The parameters are read on every call, so
     * they are never stale; dropout at inference is the identity.
     */
    private INDArray javaInference(LayerWorkspaceMgr workspaceMgr) {
        refuseMask();
        applyDropOutIfNecessary(false, workspaceMgr);
        int nIn = (int) layerConf().getNIn();
        if (input.size(1) != nIn) {
            throw new IllegalStateException("TimeMajorLstm " + layerId() + " expects input [batch, " + nIn
                    + ", steps] (NCW), got " + Arrays.toString(input.shape()));
        }
        int n = (int) layerConf().getNOut();
        boolean last = layerConf().isLastStepOnly();
        long[] shape = last ? new long[] {input.size(0), n} : new long[] {input.size(0), n, input.size(2)};
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'f');
        if (javaForward == null) {
            javaForward = new JavaLstmForward();
        }
        javaForward.forward(input, paramsFlattened, nIn, n, last, out);
        return out;
    }

    private void refuseMask() {
        if (maskArray != null) {
            throw new UnsupportedOperationException("TimeMajorLstm does not support masks " + layerId()
                    + "; use equal-length windows without a mask, or LstmKernel.DL4J");
        }
    }

    private INDArray weightMatrix(INDArray flat) {
        long n = layerConf().getNOut();
        return flat.reshape('c', layerConf().getNIn() + n + 1, 4 * n);
    }

    private Buffers forward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        refuseMask();
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray in = input;
        int nIn = (int) layerConf().getNIn();
        if (in.rank() != 3 || in.size(1) != nIn) {
            throw new IllegalStateException("TimeMajorLstm " + layerId() + " expects input [batch, " + nIn
                    + ", steps] (NCW), got " + Arrays.toString(in.shape()));
        }
        if (in.dataType() != dataType) {
            in = in.castTo(dataType);
        }
        int batch = (int) in.size(0);
        int steps = (int) in.size(2);
        int n = (int) layerConf().getNOut();
        Buffers b;
        if (training) {
            if (trainingBuffers == null || !trainingBuffers.fits(batch, steps, dataType)) {
                // two sets: an epoch's full batches and its smaller last batch alternate without reallocating
                Buffers previous = trainingBuffers;
                if (spareBuffers != null && spareBuffers.fits(batch, steps, dataType)) {
                    trainingBuffers = spareBuffers;
                } else {
                    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        trainingBuffers = new Buffers(steps, batch, nIn, n, dataType, true,
                                shape -> Nd4j.createUninitialized(dataType, shape, 'c'));
                    }
                }
                spareBuffers = previous;
            }
            b = trainingBuffers;
        } else {
            b = new Buffers(steps, batch, nIn, n, dataType, false,
                    shape -> workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, shape, 'c'));
        }
        INDArray w = weightMatrix(paramsFlattened);
        OpExecutioner ex = Nd4j.getExecutioner();
        b.hStep[0].assign(0);
        b.onesRow.assign(1);
        b.zeros.assign(0);
        b.halves.assign(0.5);
        copySteps(b.xStep, 0, in.permute(2, 1, 0), steps, true);
        for (int t = 0; t < steps; t++) {
            Nd4j.gemm(w, b.xhStep[t], b.gStep[t], true, false, 1.0, 0.0);
            // one tanh over all four gate blocks, sigmoid(z) = 0.5 tanh(0.5 z) + 0.5 for the rows of f, o, i: ND4J's
            // "tanh" custom op runs oneDNN's vectorised eltwise kernel (FLOAT; ~1.2 ns per element against 2.4 for
            // the legacy sigmoid and 4.4 for the legacy tanh)
            exec(ex, new Axpy(b.gSig[t], b.zerosSig, b.gSig[t], 0.5));
            tanh(ex, b.gStep[t], b.gStep[t]);
            exec(ex, new Axpy(b.gSig[t], b.halves, b.gSig[t], 0.5));
            // c_t = i * g + f * c_{t-1}
            exec(ex, PairwiseOp.mul(b.gI[t], b.gG[t], b.cStep[t]));
            if (t > 0) {
                exec(ex, PairwiseOp.mul(b.gF[t], b.cStep[t - 1], b.scratch));
                exec(ex, PairwiseOp.add(b.cStep[t], b.scratch, b.cStep[t]));
            }
            // h_t = o * tanh(c_t), written into the next step's [x; h; 1] block
            tanh(ex, b.cStep[t], b.tcStep[t]);
            exec(ex, PairwiseOp.mul(b.gO[t], b.tcStep[t], b.hStep[t + 1]));
        }
        if (training) {
            forwardCache = b;
            forwardCacheInput = input;
        }
        return b;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        refuseMask();
        Buffers b = forwardCache != null && forwardCacheInput == input ? forwardCache : forward(true, workspaceMgr);
        forwardCache = null;
        forwardCacheInput = null;
        b.ensureBackward();
        int steps = b.steps;
        boolean lastStepOnly = layerConf().isLastStepOnly();
        long[] expected = lastStepOnly ? new long[] {b.batch, b.n} : new long[] {b.batch, b.n, steps};
        if (!Arrays.equals(epsilon.shape(), expected)) {
            throw new IllegalStateException("TimeMajorLstm " + layerId() + ": epsilon " + Arrays.toString(epsilon.shape())
                    + ", expected " + Arrays.toString(expected));
        }
        if (lastStepOnly) {
            Nd4j.getExecutioner().exec(PairwiseOp.copy(epsilon.transpose(), b.epsStep[steps - 1]));
        } else {
            copySteps(b.epsStep, 0, epsilon.permute(2, 1, 0), steps, true);
        }

        INDArray w = weightMatrix(paramsFlattened);
        INDArray wxh = w.get(NDArrayIndex.interval(0, b.k), NDArrayIndex.all());
        INDArray dW = weightMatrix(gradientsFlattened);
        OpExecutioner ex = Nd4j.getExecutioner();
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dh;
            if (lastStepOnly) {
                dh = t == steps - 1 ? b.epsStep[t] : b.dhStep[t + 1];
            } else if (t == steps - 1) {
                dh = b.epsStep[t];
            } else {
                exec(ex, PairwiseOp.add(b.epsStep[t], b.dhStep[t + 1], b.dh));
                dh = b.dh;
            }
            // h = o * tanh(c): dL/do and dL/dc
            exec(ex, PairwiseOp.mul(dh, b.tcStep[t], b.dgO));
            exec(ex, PairwiseOp.mul(dh, b.gO[t], b.dc));
            exec(ex, new Square(b.tcStep[t], b.tmp));
            exec(ex, new OneMinus(b.tmp, b.tmp));
            exec(ex, PairwiseOp.mul(b.dc, b.tmp, b.dc));
            if (t < steps - 1) {
                exec(ex, PairwiseOp.add(b.dc, b.dcNext, b.dc));
            }
            // c = f * c_prev + i * g
            exec(ex, PairwiseOp.mul(b.dc, b.gG[t], b.dgI));
            exec(ex, PairwiseOp.mul(b.dc, b.gI[t], b.dgG));
            if (t > 0) {
                exec(ex, PairwiseOp.mul(b.dc, b.cStep[t - 1], b.dgF));
                exec(ex, PairwiseOp.mul(b.dc, b.gF[t], b.dcNext));
            } else {
                b.dgF.assign(0);
            }
            // through the activations: tanh' = 1 - g^2 (rows of g), sigmoid' = a (1 - a) (rows of f, o, i)
            exec(ex, new Square(b.gG[t], b.sqG));
            exec(ex, new OneMinus(b.sqG, b.sqG));
            exec(ex, new TimesOneMinus(b.gSig[t], b.sqSig));
            exec(ex, PairwiseOp.mul(b.dGates, b.sq, b.dGates));
            // [dW; dRW; db] += [x_t; h_{t-1}; 1] dZ_t^T    and    [dx_t; dh_{t-1}] = [W; RW] dZ_t
            Nd4j.gemm(b.xhStep[t], b.dGates, dW, false, true, 1.0, t == steps - 1 ? 0.0 : 1.0);
            Nd4j.gemm(wxh, b.dGates, b.dxhStep[t], false, false, 1.0, 0.0);
        }
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {b.batch, b.nIn, steps}, 'f');
        copySteps(b.dxStep, 0, epsOut.permute(2, 1, 0), steps, false);

        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.setGradientFor(INPUT_WEIGHT_KEY, gradientViews.get(INPUT_WEIGHT_KEY));
        gradient.setGradientFor(RECURRENT_WEIGHT_KEY, gradientViews.get(RECURRENT_WEIGHT_KEY));
        gradient.setGradientFor(BIAS_KEY, gradientViews.get(BIAS_KEY));
        weightNoiseParams.clear();
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(gradient, epsOut);
    }

    /**
     * Copies between per-step blocks {@code blocks[offset + t]} ({@code [rows, B]}) and the steps of a
     * {@code [T, rows, B]} view of a DL4J array, one contiguous block per call: ND4J's copy of a whole permuted
     * 3-D view takes the slow generic path (5-13 ms for one [512, 64, 50] activation, against ~0.3 ms this way).
     */
    private static void copySteps(INDArray[] blocks, int offset, INDArray timeMajor, int steps, boolean intoBlocks) {
        OpExecutioner ex = Nd4j.getExecutioner();
        for (int t = 0; t < steps; t++) {
            INDArray step = timeMajor.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
            ex.exec(intoBlocks ? PairwiseOp.copy(step, blocks[offset + t]) : PairwiseOp.copy(blocks[offset + t], step));
        }
    }

    private static void tanh(OpExecutioner ex, INDArray x, INDArray z) {
        ex.exec(DynamicCustomOp.builder("tanh").addInputs(x).addOutputs(z).build());
    }

    private static void exec(OpExecutioner ex, Op op) {
        ex.exec(op);
    }

    /** Allocates an uninitialised c-order array. */
    private interface Alloc {
        INDArray create(long... shape);
    }

    /** The forward (and, for training, backward) arrays of one (batch, steps, type) and their per-step views. */
    private static final class Buffers {
        final int steps;
        final int batch;
        final int nIn;
        final int n;
        final int k;
        final DataType type;
        final boolean training;

        final INDArray xh;
        final INDArray onesRow;
        final INDArray zeros;
        final INDArray zerosSig;
        final INDArray halves;
        final INDArray scratch;
        final INDArray[] xhStep;
        final INDArray[] xStep;
        final INDArray[] hStep;
        final INDArray[] gStep;
        final INDArray[] gG;
        final INDArray[] gF;
        final INDArray[] gO;
        final INDArray[] gI;
        final INDArray[] gSig;
        final INDArray[] cStep;
        final INDArray[] tcStep;

        INDArray[] dxStep;
        INDArray[] dxhStep;
        INDArray[] dhStep;
        INDArray dGates;
        INDArray dgG;
        INDArray dgF;
        INDArray dgO;
        INDArray dgI;
        INDArray sq;
        INDArray sqG;
        INDArray sqSig;
        INDArray dh;
        INDArray dc;
        INDArray dcNext;
        INDArray tmp;
        INDArray eps;
        INDArray[] epsStep;

        Buffers(int steps, int batch, int nIn, int n, DataType type, boolean training, Alloc alloc) {
            this.steps = steps;
            this.batch = batch;
            this.nIn = nIn;
            this.n = n;
            this.k = nIn + n;
            this.type = type;
            this.training = training;
            xh = alloc.create(steps + 1, k + 1, batch);
            onesRow = xh.get(NDArrayIndex.all(), NDArrayIndex.point(k), NDArrayIndex.all());
            scratch = alloc.create(n, batch);
            zeros = alloc.create(4L * n, batch);
            zerosSig = rows(zeros, n, 4L * n);
            halves = alloc.create(3L * n, batch);
            xhStep = new INDArray[steps + 1];
            xStep = new INDArray[steps + 1];
            hStep = new INDArray[steps + 1];
            for (int t = 0; t <= steps; t++) {
                xhStep[t] = xh.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                xStep[t] = xh.get(NDArrayIndex.point(t), NDArrayIndex.interval(0, nIn), NDArrayIndex.all());
                hStep[t] = xh.get(NDArrayIndex.point(t), NDArrayIndex.interval(nIn, k), NDArrayIndex.all());
            }
            gStep = new INDArray[steps];
            gG = new INDArray[steps];
            gF = new INDArray[steps];
            gO = new INDArray[steps];
            gI = new INDArray[steps];
            gSig = new INDArray[steps];
            cStep = new INDArray[steps];
            tcStep = new INDArray[steps];
            if (training) {
                // every step's gates and cells are kept for the backward pass
                INDArray gates = alloc.create(steps, 4L * n, batch);
                INDArray cells = alloc.create(steps, n, batch);
                INDArray tanhCells = alloc.create(steps, n, batch);
                for (int t = 0; t < steps; t++) {
                    gStep[t] = gates.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                    cStep[t] = cells.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                    tcStep[t] = tanhCells.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                }
            } else {
                // inference: one step of gates, two alternating cell states
                INDArray gates = alloc.create(4L * n, batch);
                INDArray[] cells = {alloc.create(n, batch), alloc.create(n, batch)};
                INDArray tanhCell = alloc.create(n, batch);
                for (int t = 0; t < steps; t++) {
                    gStep[t] = gates;
                    cStep[t] = cells[t % 2];
                    tcStep[t] = tanhCell;
                }
            }
            for (int t = 0; t < steps; t++) {
                if (t > 0 && gStep[t] == gStep[t - 1]) {
                    gG[t] = gG[t - 1];
                    gF[t] = gF[t - 1];
                    gO[t] = gO[t - 1];
                    gI[t] = gI[t - 1];
                    gSig[t] = gSig[t - 1];
                    continue;
                }
                gG[t] = rows(gStep[t], 0, n);
                gF[t] = rows(gStep[t], n, 2L * n);
                gO[t] = rows(gStep[t], 2L * n, 3L * n);
                gI[t] = rows(gStep[t], 3L * n, 4L * n);
                gSig[t] = rows(gStep[t], n, 4L * n);
            }
        }

        boolean fits(int batch, int steps, DataType type) {
            return this.batch == batch && this.steps == steps && this.type == type;
        }

        void ensureBackward() {
            if (!training) {
                throw new IllegalStateException("backward pass on inference buffers");
            }
            if (dGates != null) {
                return;
            }
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray dxh = Nd4j.createUninitialized(type, new long[] {steps, k, batch}, 'c');
                dxStep = new INDArray[steps];
                dxhStep = new INDArray[steps];
                dhStep = new INDArray[steps];
                for (int t = 0; t < steps; t++) {
                    dxhStep[t] = dxh.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                    dxStep[t] = dxh.get(NDArrayIndex.point(t), NDArrayIndex.interval(0, nIn), NDArrayIndex.all());
                    dhStep[t] = dxh.get(NDArrayIndex.point(t), NDArrayIndex.interval(nIn, k), NDArrayIndex.all());
                }
                dGates = Nd4j.createUninitialized(type, new long[] {4L * n, batch}, 'c');
                dgG = rows(dGates, 0, n);
                dgF = rows(dGates, n, 2L * n);
                dgO = rows(dGates, 2L * n, 3L * n);
                dgI = rows(dGates, 3L * n, 4L * n);
                sq = Nd4j.createUninitialized(type, new long[] {4L * n, batch}, 'c');
                sqG = rows(sq, 0, n);
                sqSig = rows(sq, n, 4L * n);
                dh = Nd4j.createUninitialized(type, new long[] {n, batch}, 'c');
                dc = Nd4j.createUninitialized(type, new long[] {n, batch}, 'c');
                dcNext = Nd4j.createUninitialized(type, new long[] {n, batch}, 'c');
                tmp = Nd4j.createUninitialized(type, new long[] {n, batch}, 'c');
                eps = Nd4j.createUninitialized(type, new long[] {steps, n, batch}, 'c');
                epsStep = new INDArray[steps];
                for (int t = 0; t < steps; t++) {
                    epsStep[t] = eps.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
                }
            }
        }

        private static INDArray rows(INDArray m, long from, long to) {
            return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }
    }
}
