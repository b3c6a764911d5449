package io.omega.experience;

import io.omega.schemas.event.ExitReason;

import java.time.Duration;
import java.util.Objects;

/** A position the engine closed and what it earned (logged as an outcome). */
public record TradeClosed(String tradeId, String symbol, double exitPrice, double pnl, double pnlPct,
                          Duration duration, ExitReason exitReason, String modelType, String modelVersion) {

    public TradeClosed {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exitReason, "exitReason");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Checks.positive("exitPrice", exitPrice);
        Checks.finite("pnl", pnl);
        Checks.finite("pnlPct", pnlPct);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
    }
}
