package io.omega.learning.model;

/**
 * Which implementation computes the LSTM layers (all the same maths: sigmoid gates, tanh, no peepholes, forget bias
 * 1). Figures in docs/BENCHMARKS.md.
 */
public enum LstmKernel {
    /** DL4J's own {@code LSTM} (+ {@code LastTimeStep}): several Java-dispatched ops per time step. */
    DL4J,
    /** {@link FusedLstm}: a SameDiff layer over ND4J's fused {@code lstmLayer} op. */
    FUSED_OP,
    /**
     * {@link io.omega.learning.model.lstm.TimeMajorLstm}: time-major buffers, one gemm per step each way and a
     * hand-written backward pass that reuses the forward activations. The default.
     */
    TIME_MAJOR
}
