package io.omega.learning.dataset;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One logged decision as the dataset builder sees it: the symbol, the decision time, the market price at that time
 * and the market-feature map the engine decided on. {@code outcomePnl} is the realised PnL of the trade opened by
 * this decision, or {@code null} when the decision opened no trade (or its outcome is not known yet); only the
 * {@code outcome} target reads it.
 */
public record MarketRow(String symbol, Instant time, double price, Map<String, Double> features, Double outcomePnl) {

    public MarketRow {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(features));
    }

    public MarketRow(String symbol, Instant time, double price, Map<String, Double> features) {
        this(symbol, time, price, features, null);
    }
}
