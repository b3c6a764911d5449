package io.omega.learning.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The same LSTM as DL4J's {@code LSTM} layer (tanh cell and output, sigmoid gates, no peepholes, forget-gate bias
 * initialised to 1), computed by ND4J's fused {@code lstmLayer} op: one native call runs every time step forwards
 * and one runs them backwards, instead of several Java-dispatched ops per time step. Input {@code [batch, nIn,
 * steps]}; output the whole sequence {@code [batch, nOut, steps]} or, with {@code lastStepOnly}, the last hidden
 * state {@code [batch, nOut]} (what {@code LastTimeStep(LSTM)} gives).
 */
public class FusedLstm extends SameDiffLayer {

    private static final String INPUT_WEIGHTS = "W";
    private static final String RECURRENT_WEIGHTS = "RW";
    private static final String BIAS = "b";

    private long nIn;
    private long nOut;
    private boolean lastStepOnly;
    private long steps;

    /** For JSON (ModelSerializer). */
    protected FusedLstm() {
    }

    public FusedLstm(long nOut, boolean lastStepOnly) {
        this.nOut = nOut;
        this.lastStepOnly = lastStepOnly;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return lastStepOnly ? InputType.feedForward(nOut) : InputType.recurrent(nOut, steps, RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) inputType;
        if (nIn <= 0 || override) {
            nIn = recurrent.getSize();
        }
        steps = recurrent.getTimeSeriesLength();
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(INPUT_WEIGHTS, nIn, 4 * nOut);
        params.addWeightParam(RECURRENT_WEIGHTS, nOut, 4 * nOut);
        params.addBiasParam(BIAS, 4 * nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        initWeights((int) nIn, (int) (4 * nOut), WeightInit.XAVIER, params.get(INPUT_WEIGHTS));
        initWeights((int) nOut, (int) (4 * nOut), WeightInit.XAVIER, params.get(RECURRENT_WEIGHTS));
        INDArray bias = params.get(BIAS);
        bias.assign(0);
        // Gate order of lstmLayer is input, forget, cell, output: bias the forget gate open, as DL4J's LSTM does.
        bias.get(NDArrayIndex.interval(nOut, 2 * nOut)).assign(1.0);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NST)
                .directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH)
                .retFullSequence(!lastStepOnly)
                .retLastH(lastStepOnly)
                .retLastC(false)
                .build();
        LSTMLayerWeights weights = LSTMLayerWeights.builder()
                .weights(params.get(INPUT_WEIGHTS))
                .rWeights(params.get(RECURRENT_WEIGHTS))
                .bias(params.get(BIAS))
                .build();
        return sd.rnn().lstmLayer(input, weights, config)[0];
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long nOut) {
        this.nOut = nOut;
    }

    public boolean isLastStepOnly() {
        return lastStepOnly;
    }

    public void setLastStepOnly(boolean lastStepOnly) {
        this.lastStepOnly = lastStepOnly;
    }

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }
}
