package io.omega.learning.model.lstm;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of an LSTM layer with a hand-written, time-major backward pass ({@link TimeMajorLstmLayer}). The
 * maths are DL4J's {@code LSTM}: sigmoid gates, tanh cell input and output, no peepholes, forget-gate bias
 * initialised to {@link #getForgetGateBiasInit()} (1), weights from the configured weight init with DL4J's LSTM
 * fans. Input {@code [batch, nIn, steps]} (NCW); output the whole sequence {@code [batch, nOut, steps]} or, with
 * {@code lastStepOnly}, the last hidden state {@code [batch, nOut]} (what {@code LastTimeStep(LSTM)} gives).
 * Masks are not supported (the layer refuses one).
 */
public class TimeMajorLstm extends BaseRecurrentLayer {

    private boolean lastStepOnly;
    private double forgetGateBiasInit = 1.0;

    /** For JSON (ModelSerializer). */
    protected TimeMajorLstm() {
    }

    private TimeMajorLstm(Builder builder) {
        super(builder);
        this.lastStepOnly = builder.lastStepOnly;
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        initializeConstraints(builder);
    }

    /** {@code nOut} units; {@code lastStepOnly}: output only the last step's hidden state. */
    public static TimeMajorLstm of(long nOut, boolean lastStepOnly) {
        return new Builder().nOut(nOut).lastStepOnly(lastStepOnly).build();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (getNIn() <= 0 || getNOut() <= 0) {
            throw new IllegalStateException("TimeMajorLstm (layer " + layerIndex + ") needs nIn and nOut > 0, got nIn="
                    + getNIn() + " nOut=" + getNOut());
        }
        if (!(getActivationFn() instanceof ActivationTanH)) {
            throw new IllegalStateException("TimeMajorLstm (layer " + layerIndex + ") computes tanh cell activations only, "
                    + "configured activation: " + getActivationFn());
        }
        if (getWeightNoise() != null) {
            throw new IllegalStateException("TimeMajorLstm (layer " + layerIndex + ") does not support weight noise");
        }
        TimeMajorLstmLayer layer = new TimeMajorLstmLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return TimeMajorLstmParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new IllegalStateException("TimeMajorLstm (layer " + layerIndex + ") needs recurrent input, got " + inputType);
        }
        return lastStepOnly ? InputType.feedForward(nOut)
                : InputType.recurrent(nOut, recurrent.getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        super.setNIn(inputType, override);
        if (rnnDataFormat != null && rnnDataFormat != RNNFormat.NCW) {
            throw new IllegalStateException("TimeMajorLstm supports NCW input only, got " + rnnDataFormat);
        }
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType.InputTypeRecurrent in = (InputType.InputTypeRecurrent) inputType;
        long steps = Math.max(1, in.getTimeSeriesLength());
        long params = initializer().numParams(this);
        long k = nIn + nOut + 1;
        // per example: [x; h; 1] per step, gates, cell and tanh(cell) per step (kept for the backward pass)
        long perExample = steps * (k + 4 * nOut + 2 * nOut) + k;
        return new LayerMemoryReport.Builder(layerName, TimeMajorLstm.class, inputType, getOutputType(-1, inputType))
                .standardMemory(params, params)
                .workingMemory(0, perExample, 0, perExample + steps * (nIn + nOut) + 8 * nOut)
                .cacheMemory(0, 0)
                .build();
    }

    public boolean isLastStepOnly() {
        return lastStepOnly;
    }

    public void setLastStepOnly(boolean lastStepOnly) {
        this.lastStepOnly = lastStepOnly;
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeMajorLstm other && super.equals(o) && lastStepOnly == other.lastStepOnly
                && Double.compare(forgetGateBiasInit, other.forgetGateBiasInit) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Boolean.hashCode(lastStepOnly)) + Double.hashCode(forgetGateBiasInit);
    }

    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {

        private boolean lastStepOnly;
        private double forgetGateBiasInit = 1.0;

        public Builder() {
            activation(Activation.TANH);
        }

        public Builder lastStepOnly(boolean lastStepOnly) {
            this.lastStepOnly = lastStepOnly;
            return this;
        }

        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public TimeMajorLstm build() {
            return new TimeMajorLstm(this);
        }
    }
}
