package io.omega.experience;

import io.omega.schemas.event.Direction;
import io.omega.schemas.event.TradeMode;

import java.util.Objects;

/** A position the engine opened (logged as an execution). Prices and costs in quote currency. */
public record TradeOpened(String tradeId, String decisionId, String symbol, Direction direction, double entryPrice,
                          double size, double stopLoss, double takeProfit, double fee, double slippage,
                          String modelType, String modelVersion, TradeMode mode) {

    public TradeOpened {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(mode, "mode");
        if (direction != Direction.LONG && direction != Direction.SHORT) {
            throw new IllegalArgumentException("a trade goes LONG or SHORT, got " + direction);
        }
        Checks.positive("entryPrice", entryPrice);
        Checks.positive("size", size);
        Checks.positive("stopLoss", stopLoss);
        Checks.positive("takeProfit", takeProfit);
        Checks.nonNegative("fee", fee);
        Checks.nonNegative("slippage", slippage);
    }
}
