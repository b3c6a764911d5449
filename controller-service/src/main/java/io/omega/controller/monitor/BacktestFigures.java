package io.omega.controller.monitor;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * What a completed evaluation says the version's backtest did, in the evaluator's own units: the figures the live
 * monitor compares live trades with.
 *
 * @param winRate   {@code win_rate}: winning trades / trades × 100
 * @param avgProfit {@code avg_profit}: net PnL per trade in quote currency; NaN when the evaluation has none
 * @param trades    {@code total_trades}: how many trades the figures rest on; 0 when not reported
 */
public record BacktestFigures(double winRate, double avgProfit, int trades) {

    static final String WIN_RATE = "win_rate";
    static final String AVG_PROFIT = "avg_profit";
    static final String TOTAL_TRADES = "total_trades";

    /** The figures of an evaluation's metrics; empty without a finite win rate, the least the monitor needs. */
    public static Optional<BacktestFigures> of(Map<String, Double> metrics) {
        Double winRate = metrics.get(WIN_RATE);
        if (winRate == null || !Double.isFinite(winRate)) {
            return Optional.empty();
        }
        Double avgProfit = metrics.get(AVG_PROFIT);
        Double trades = metrics.get(TOTAL_TRADES);
        return Optional.of(new BacktestFigures(winRate,
                avgProfit != null && Double.isFinite(avgProfit) ? avgProfit : Double.NaN,
                trades != null && Double.isFinite(trades) && trades >= 0 ? (int) Math.min(trades, Integer.MAX_VALUE) : 0));
    }

    static Serde<BacktestFigures> serde() {
        Serializer<BacktestFigures> serializer = (topic, f) -> f == null ? null
                : ByteBuffer.allocate(20).putDouble(f.winRate()).putDouble(f.avgProfit()).putInt(f.trades()).array();
        Deserializer<BacktestFigures> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new BacktestFigures(b.getDouble(), b.getDouble(), b.getInt());
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
