package io.omega.learning.model.inference;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The fallback: {@code network.output(x, false)}. */
final class Dl4jWindowPredictor implements WindowPredictor {

    private final MultiLayerNetwork network;

    Dl4jWindowPredictor(MultiLayerNetwork network) {
        this.network = network;
    }

    @Override
    public Engine engine() {
        return Engine.DL4J;
    }

    @Override
    public synchronized INDArray predict(INDArray features) {
        return network.output(features, false);
    }

    @Override
    public synchronized double[] predictOne(double[][] window) {
        return network.output(toArray(window, network), false).toDoubleVector();
    }

    /** {@code [1, features, steps]} 'c' order of the network's data type, outside any workspace. */
    static INDArray toArray(double[][] window, MultiLayerNetwork network) {
        int features = window.length;
        int steps = WindowPredictors.steps(window);
        double[] flat = new double[features * steps];
        for (int f = 0; f < features; f++) {
            System.arraycopy(window[f], 0, flat, f * steps, steps);
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(flat, new long[] {1, features, steps}, 'c').castTo(network.params().dataType());
        }
    }
}
