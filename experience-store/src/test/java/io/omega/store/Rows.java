package io.omega.store;

import java.time.Instant;
import java.util.Map;

/** Sample rows for tests. */
final class Rows {

    private Rows() {
    }

    static DecisionRow decision(String id, Instant time, String symbol, double price, boolean shadow, long offset) {
        return new DecisionRow(id, time, symbol, price, Map.of("rsi", 55.5, "close", price),
                "LONG", 0.7, Map.of("LONG", 0.7, "SHORT", 0.2, "FLAT", 0.1), "cnn", "20250124_120000", shadow,
                0, offset);
    }

    static OutcomeRow outcome(String id, Instant time, String symbol, double pnl, long offset) {
        return new OutcomeRow(id, "t-" + id, time, symbol, 101.0, pnl, pnl / 10, 60_000, "TP", "cnn",
                "20250124_120000", 1, offset);
    }
}
