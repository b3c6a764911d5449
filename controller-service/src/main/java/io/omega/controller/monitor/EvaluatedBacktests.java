package io.omega.controller.monitor;

import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The backtest figures of every evaluated version as a candidate (the latest completed evaluation wins): a global
 * store. Failed evaluations carry no figures and leave the store as it was.
 */
final class EvaluatedBacktests implements Processor<String, Evaluation, Void, Void> {

    static final String STORE = "evaluated-backtests";

    private KeyValueStore<String, BacktestFigures> backtests;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        backtests = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Evaluation> record) {
        Evaluation evaluation = record.value();
        if (evaluation == null || evaluation.getStatus() != EvaluationStatus.COMPLETED) {
            return;
        }
        BacktestFigures.of(evaluation.getMetrics()).ifPresent(figures ->
                backtests.put(ModelKey.of(evaluation.getModelType(), evaluation.getVersion()), figures));
    }
}
