package io.omega.learning.dataset;

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

    /** {@code features} followed by the bar's open, high and low. */
    public static Map<String, Double> with(Map<String, Double> features, double open, double high, double low) {
        Map<String, Double> out = new LinkedHashMap<>(features);
        out.put(OPEN, open);
        out.put(HIGH, high);
        out.put(LOW, low);
        return out;
    }
}
