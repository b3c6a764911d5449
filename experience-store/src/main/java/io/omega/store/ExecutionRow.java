package io.omega.store;

import java.time.Instant;
import java.util.Objects;

/** An execution (a position opened) as kept on disk: the {@code Execution} event, flattened. */
public record ExecutionRow(String id, String tradeId, String decisionId, Instant eventTime, String symbol,
                           String direction, double entryPrice, double size, double stopLoss, double takeProfit,
                           double fee, double slippage, String modelType, String modelVersion, String mode,
                           boolean backfilled, int kafkaPartition, long kafkaOffset) implements ExperienceRow {

    public ExecutionRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A live execution (not backfilled). */
    public ExecutionRow(String id, String tradeId, String decisionId, Instant eventTime, String symbol,
                        String direction, double entryPrice, double size, double stopLoss, double takeProfit,
                        double fee, double slippage, String modelType, String modelVersion, String mode,
                        int kafkaPartition, long kafkaOffset) {
        this(id, tradeId, decisionId, eventTime, symbol, direction, entryPrice, size, stopLoss, takeProfit, fee,
                slippage, modelType, modelVersion, mode, false, kafkaPartition, kafkaOffset);
    }
}
