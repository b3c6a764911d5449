package io.omega.sink.decode;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.Outcome;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceRow;
import io.omega.store.OutcomeRow;

/** Turns a decoded event into the row kept on disk, with where it came from in Kafka. */
public final class RowMapper {

    private RowMapper() {
    }

    public static ExperienceRow toRow(Object event, int partition, long offset) {
        if (event instanceof Decision d) {
            return new DecisionRow(d.getId(), d.getEventTime(), d.getSymbol(), d.getPrice(), d.getMarketFeatures(),
                    d.getDirection().name(), d.getConfidence(), d.getClassProbabilities(), d.getModelType(),
                    d.getModelVersion(), d.getIsShadow(), d.getBackfilled(), partition, offset);
        }
        if (event instanceof Execution e) {
            return new ExecutionRow(e.getId(), e.getTradeId(), e.getDecisionId(), e.getEventTime(), e.getSymbol(),
                    e.getDirection().name(), e.getEntryPrice(), e.getSize(), e.getStopLoss(), e.getTakeProfit(),
                    e.getFee(), e.getSlippage(), e.getModelType(), e.getModelVersion(), e.getMode().name(),
                    e.getBackfilled(), partition, offset);
        }
        if (event instanceof Outcome o) {
            return new OutcomeRow(o.getId(), o.getTradeId(), o.getEventTime(), o.getSymbol(), o.getExitPrice(),
                    o.getPnl(), o.getPnlPct(), o.getDurationMs(), o.getExitReason().name(), o.getModelType(),
                    o.getModelVersion(), o.getBackfilled(), partition, offset);
        }
        throw new IllegalArgumentException("not an experience event: " + (event == null ? "null" : event.getClass().getName()));
    }
}
