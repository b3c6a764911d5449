package io.omega.controller.monitor;

import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** The backtested win rate of every evaluated version (the latest completed evaluation wins): a global store. */
final class EvaluatedWinRates implements Processor<String, Evaluation, Void, Void> {

    static final String STORE = "evaluated-win-rates";
    static final String WIN_RATE = "win_rate";

    private KeyValueStore<String, Double> winRates;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        winRates = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Evaluation> record) {
        Evaluation evaluation = record.value();
        if (evaluation == null || evaluation.getStatus() != EvaluationStatus.COMPLETED) {
            return;
        }
        Double winRate = evaluation.getMetrics().get(WIN_RATE);
        if (winRate != null && Double.isFinite(winRate)) {
            winRates.put(ModelKey.of(evaluation.getModelType(), evaluation.getVersion()), winRate);
        }
    }
}
