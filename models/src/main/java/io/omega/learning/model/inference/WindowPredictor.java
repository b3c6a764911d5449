package io.omega.learning.model.inference;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference on live windows for a trained network: the same outputs as {@code network.output(x, false)} (class
 * probabilities for a classifier, the predicted values for a regression), computed by the fastest engine that
 * reproduces the network exactly. Get one with {@link WindowPredictors#of}.
 *
 * <p>A predictor reads the network's current parameters on every call, so it never goes stale; it is safe to
 * share between threads (calls are serialised), but not to use while the network is being trained.
 */
public interface WindowPredictor {

    /** Which engine computes the outputs. */
    enum Engine {
        /** The plain-Java forward pass of ModelFactory's CNN ({@code JavaCnnPredictor}) for batches under 32. */
        JAVA_CNN,
        /** {@code network.output(x, false)} (any other architecture, including the LSTM, fast in its own layer). */
        DL4J
    }

    Engine engine();

    /**
     * The outputs for a batch of windows {@code [batch, features, window]} (NCW, as the network takes them), as an
     * array {@code [batch, outputs]} of the network's data type, detached from any workspace: exactly what
     * {@code network.output(features, false)} returns. The input is rounded to the network's data type first,
     * as DL4J does.
     */
    INDArray predict(INDArray features);

    /**
     * The outputs for one normalised window given as {@code window[feature][step]} (the NCW layout of one sample;
     * every row the same length): a new array of {@code outputs} values, equal to row 0 of {@link #predict} of the
     * {@code [1, features, window]} array holding the same values.
     */
    double[] predictOne(double[][] window);
}
