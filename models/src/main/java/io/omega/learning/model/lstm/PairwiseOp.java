package io.omega.learning.model.lstm;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseTransformSameOp;

/**
 * An elementwise {@code z = x (op) y} through libnd4j's legacy pairwise-transform loop. ND4J 1.0.0-M2.1 exposes
 * multiply/add/subtract only as custom ops ({@code MulOp} etc.), which cost ~27 us of Java and native overhead per
 * call whatever the size; this legacy path costs ~1-2 us. The op numbers are libnd4j's {@code PAIRWISE_TRANSFORM_OPS}
 * (the list ND4J's own {@code CopyOp} (1) and {@code Axpy} (10) use); {@code TimeMajorLstmTest} checks the results
 * against DL4J's LSTM, so a changed numbering would fail there.
 */
final class PairwiseOp extends BaseTransformSameOp {

    static final int ADD = 0;
    /** {@code z = y}. */
    static final int COPY = 1;
    static final int MULTIPLY = 3;
    static final int SUBTRACT = 6;

    private int op;

    PairwiseOp(int op, INDArray x, INDArray y, INDArray z) {
        super(x, y, z);
        this.op = op;
    }

    static PairwiseOp mul(INDArray x, INDArray y, INDArray z) {
        return new PairwiseOp(MULTIPLY, x, y, z);
    }

    /** {@code to = from} (same shape, any strides). */
    static PairwiseOp copy(INDArray from, INDArray to) {
        return new PairwiseOp(COPY, to, from, to);
    }

    static PairwiseOp add(INDArray x, INDArray y, INDArray z) {
        return new PairwiseOp(ADD, x, y, z);
    }

    static PairwiseOp sub(INDArray x, INDArray y, INDArray z) {
        return new PairwiseOp(SUBTRACT, x, y, z);
    }

    @Override
    public int opNum() {
        return op;
    }

    @Override
    public String opName() {
        return "legacy_pairwise_" + op;
    }

    @Override
    public String onnxName() {
        throw new UnsupportedOperationException("no ONNX name");
    }

    @Override
    public String tensorflowName() {
        throw new UnsupportedOperationException("no TensorFlow name");
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> f1) {
        throw new UnsupportedOperationException("not differentiable in SameDiff");
    }
}
