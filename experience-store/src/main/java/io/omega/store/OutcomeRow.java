package io.omega.store;

import java.time.Instant;
import java.util.Objects;

/** A trade outcome (a position closed) as kept on disk: the {@code Outcome} event, flattened. */
public record OutcomeRow(String id, String tradeId, Instant eventTime, String symbol, double exitPrice, double pnl,
                         double pnlPct, long durationMs, String exitReason, String modelType, String modelVersion,
                         boolean backfilled, int kafkaPartition, long kafkaOffset) implements ExperienceRow {

    public OutcomeRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A live outcome (not backfilled). */
    public OutcomeRow(String id, String tradeId, Instant eventTime, String symbol, double exitPrice, double pnl,
                      double pnlPct, long durationMs, String exitReason, String modelType, String modelVersion,
                      int kafkaPartition, long kafkaOffset) {
        this(id, tradeId, eventTime, symbol, exitPrice, pnl, pnlPct, durationMs, exitReason, modelType, modelVersion,
                false, kafkaPartition, kafkaOffset);
    }
}
