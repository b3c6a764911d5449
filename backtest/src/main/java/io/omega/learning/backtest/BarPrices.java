package io.omega.learning.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bar's own open, high and low, logged with each decision in its {@code market_features} under
 * {@code bar_open}, {@code bar_high} and {@code bar_low} (the close is the decision's price). A backtest needs them to
 * test stops and targets within a bar and to fill at the next open, exactly as the engine did. They are prices, not
 * features: training never uses them.
 */
public final class BarPrices {

    public static final String OPEN = "bar_open";
    public static final String HIGH = "bar_high";
    public static final String LOW = "bar_low";
    public static final Set<String> KEYS = Set.of(OPEN, HIGH, LOW);

    private BarPrices() {
    }

    /** Whether a {@code market_features} key holds a bar price rather than a feature. */
    public static boolean isPrice(String key) {
        return KEYS.contains(key);
    }

    /** A bar's four prices. */
    public record Ohlc(double open, double high, double low, double close) {
    }

    /**
     * The bar of a decision logged at {@code close} with {@code features}: its logged open, high and low, or, for a
     * decision logged without them (by an engine that did not log them), a bar of its single price.
     */
    public static Ohlc of(Map<String, Double> features, double close) {
        Double o = features.get(OPEN);
        Double h = features.get(HIGH);
        Double l = features.get(LOW);
        return o != null && h != null && l != null ? new Ohlc(o, h, l, close) : new Ohlc(close, close, close, close);
    }

    /** {@code features} followed by the bar's open, high and low. */
    public static Map<String, Double> with(Map<String, Double> features, double open, double high, double low) {
        Map<String, Double> out = new LinkedHashMap<>(features);
        out.put(OPEN, open);
        out.put(HIGH, high);
        out.put(LOW, low);
        return out;
    }
}
