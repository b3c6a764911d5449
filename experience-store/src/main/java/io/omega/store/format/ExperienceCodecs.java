package io.omega.store.format;

import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.OutcomeRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.omega.store.format.ColumnCodec.addedColumn;
import static io.omega.store.format.ColumnCodec.column;
import static io.omega.store.format.ColumnType.BOOLEAN;
import static io.omega.store.format.ColumnType.DOUBLE;
import static io.omega.store.format.ColumnType.DOUBLE_MAP;
import static io.omega.store.format.ColumnType.INT;
import static io.omega.store.format.ColumnType.LONG;
import static io.omega.store.format.ColumnType.STRING;
import static io.omega.store.format.ColumnType.TIMESTAMP;

/**
 * The columns of each kind of experience file, in order: flat, snake_case columns that SQL tools query directly,
 * the same in Parquet and in CSV.
 */
public final class ExperienceCodecs {

    public static final RowCodec<DecisionRow> DECISIONS = new ColumnCodec<>("DecisionRow",
            "A decision of the live engine or of a shadow model (is_shadow), or one backfilled from history (backfilled).",
            List.of(column("id", STRING, DecisionRow::id),
                    column("event_time", TIMESTAMP, DecisionRow::eventTime),
                    column("symbol", STRING, DecisionRow::symbol),
                    column("price", DOUBLE, DecisionRow::price),
                    column("market_features", DOUBLE_MAP, DecisionRow::marketFeatures),
                    column("direction", STRING, DecisionRow::direction),
                    column("confidence", DOUBLE, DecisionRow::confidence),
                    column("class_probabilities", DOUBLE_MAP, DecisionRow::classProbabilities),
                    column("model_type", STRING, DecisionRow::modelType),
                    column("model_version", STRING, DecisionRow::modelVersion),
                    column("is_shadow", BOOLEAN, DecisionRow::isShadow),
                    addedColumn("backfilled", BOOLEAN, DecisionRow::backfilled, false),
                    column("kafka_partition", INT, DecisionRow::kafkaPartition),
                    column("kafka_offset", LONG, DecisionRow::kafkaOffset)),
            v -> new DecisionRow((String) v[0], (Instant) v[1], (String) v[2], (Double) v[3], doubles(v[4]),
                    (String) v[5], (Double) v[6], doubles(v[7]), (String) v[8], (String) v[9], (Boolean) v[10],
                    (Boolean) v[11], (Integer) v[12], (Long) v[13]));

    public static final RowCodec<ExecutionRow> EXECUTIONS = new ColumnCodec<>("ExecutionRow",
            "A position opened by the live engine.",
            List.of(column("id", STRING, ExecutionRow::id),
                    column("trade_id", STRING, ExecutionRow::tradeId),
                    column("decision_id", STRING, ExecutionRow::decisionId),
                    column("event_time", TIMESTAMP, ExecutionRow::eventTime),
                    column("symbol", STRING, ExecutionRow::symbol),
                    column("direction", STRING, ExecutionRow::direction),
                    column("entry_price", DOUBLE, ExecutionRow::entryPrice),
                    column("size", DOUBLE, ExecutionRow::size),
                    column("stop_loss", DOUBLE, ExecutionRow::stopLoss),
                    column("take_profit", DOUBLE, ExecutionRow::takeProfit),
                    column("fee", DOUBLE, ExecutionRow::fee),
                    column("slippage", DOUBLE, ExecutionRow::slippage),
                    column("model_type", STRING, ExecutionRow::modelType),
                    column("model_version", STRING, ExecutionRow::modelVersion),
                    column("mode", STRING, ExecutionRow::mode),
                    addedColumn("backfilled", BOOLEAN, ExecutionRow::backfilled, false),
                    column("kafka_partition", INT, ExecutionRow::kafkaPartition),
                    column("kafka_offset", LONG, ExecutionRow::kafkaOffset)),
            v -> new ExecutionRow((String) v[0], (String) v[1], (String) v[2], (Instant) v[3], (String) v[4],
                    (String) v[5], (Double) v[6], (Double) v[7], (Double) v[8], (Double) v[9], (Double) v[10],
                    (Double) v[11], (String) v[12], (String) v[13], (String) v[14], (Boolean) v[15], (Integer) v[16],
                    (Long) v[17]));

    public static final RowCodec<OutcomeRow> OUTCOMES = new ColumnCodec<>("OutcomeRow",
            "The close of a trade and its result.",
            List.of(column("id", STRING, OutcomeRow::id),
                    column("trade_id", STRING, OutcomeRow::tradeId),
                    column("event_time", TIMESTAMP, OutcomeRow::eventTime),
                    column("symbol", STRING, OutcomeRow::symbol),
                    column("exit_price", DOUBLE, OutcomeRow::exitPrice),
                    column("pnl", DOUBLE, OutcomeRow::pnl),
                    column("pnl_pct", DOUBLE, OutcomeRow::pnlPct),
                    column("duration_ms", LONG, OutcomeRow::durationMs),
                    column("exit_reason", STRING, OutcomeRow::exitReason),
                    column("model_type", STRING, OutcomeRow::modelType),
                    column("model_version", STRING, OutcomeRow::modelVersion),
                    addedColumn("backfilled", BOOLEAN, OutcomeRow::backfilled, false),
                    column("kafka_partition", INT, OutcomeRow::kafkaPartition),
                    column("kafka_offset", LONG, OutcomeRow::kafkaOffset)),
            v -> new OutcomeRow((String) v[0], (String) v[1], (Instant) v[2], (String) v[3], (Double) v[4],
                    (Double) v[5], (Double) v[6], (Long) v[7], (String) v[8], (String) v[9], (String) v[10],
                    (Boolean) v[11], (Integer) v[12], (Long) v[13]));

    private ExperienceCodecs() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> doubles(Object value) {
        return (Map<String, Double>) value;
    }
}
