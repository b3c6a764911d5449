package io.omega.sink;

import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.TradeMode;

import java.time.Instant;
import java.util.Map;

/** Events with values derived from their number, so sums over them are known in advance. */
final class Events {

    static final String[] SYMBOLS = {"BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP"};

    private Events() {
    }

    static String symbol(int i) {
        return SYMBOLS[i % SYMBOLS.length];
    }

    static double price(int i) {
        return 100.0 + i;
    }

    static Decision decision(String id, int i, Instant time) {
        return new Decision(id, time, symbol(i), price(i), Map.of("rsi", 50.0 + i % 10, "close", price(i)),
                Direction.values()[i % 3], 0.6, Map.of("LONG", 0.6, "SHORT", 0.3, "FLAT", 0.1), "cnn",
                "20250124_120000", i % 4 == 0, i % 5 == 0);
    }

    static double size(int i) {
        return 1.0 + i % 7;
    }

    static Execution execution(String id, int i, Instant time) {
        return new Execution(id, "t-" + id, "d-" + id, time, symbol(i), Direction.LONG, price(i), size(i),
                price(i) * 0.99, price(i) * 1.02, 0.05, 0.01, "cnn", "20250124_120000", TradeMode.PAPER, i % 5 == 0);
    }

    static double pnl(int i) {
        return (i % 11) - 5.0;
    }

    static Outcome outcome(String id, int i, Instant time) {
        return new Outcome(id, "t-" + id, time, symbol(i), price(i), pnl(i), pnl(i) / 10, 60_000L, ExitReason.TP,
                "cnn", "20250124_120000", i % 5 == 0);
    }
}
