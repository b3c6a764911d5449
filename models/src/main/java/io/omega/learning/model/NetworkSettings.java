package io.omega.learning.model;

import io.omega.config.TrainingConfig;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a network is built and run, apart from its architecture: seed, Adam's learning rate, the floating-point
 * type and the workspace mode. The defaults are the fastest settings measured (see docs/BENCHMARKS.md).
 */
public record NetworkSettings(long seed, double learningRate, DataType dataType, WorkspaceMode workspaceMode,
                              LstmKernel lstmKernel) {

    public NetworkSettings {
        if (lstmKernel == null) {
            throw new IllegalArgumentException("lstm kernel must not be null");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("data type must be FLOAT or DOUBLE, got " + dataType);
        }
    }

    public static NetworkSettings defaults(long seed) {
        return new NetworkSettings(seed, 0.001, DataType.FLOAT, WorkspaceMode.ENABLED, LstmKernel.TIME_MAJOR);
    }

    public static NetworkSettings from(TrainingConfig config) {
        return new NetworkSettings(config.seed(), config.learningRate(), DataType.FLOAT, WorkspaceMode.ENABLED, LstmKernel.TIME_MAJOR);
    }

    public NetworkSettings withWorkspaceMode(WorkspaceMode mode) {
        return new NetworkSettings(seed, learningRate, dataType, mode, lstmKernel);
    }

    /** Which implementation computes the LSTM layers ({@link LstmKernel#TIME_MAJOR} by default). */
    public NetworkSettings withLstmKernel(LstmKernel kernel) {
        return new NetworkSettings(seed, learningRate, dataType, workspaceMode, kernel);
    }

    public NetworkSettings withDataType(DataType type) {
        return new NetworkSettings(seed, learningRate, type, workspaceMode, lstmKernel);
    }
}
