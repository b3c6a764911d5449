package io.omega.paper.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real 5-minute ETH/USD candles from Binance US, 13–15 March 2023 (580 of them), as shipped on Maven Central inside
 * {@code org.ta4j:ta4j-examples:0.18} ({@code ETH-USD-PT5M-2023-3-13_2023-3-15.json}: {@code {"name": ...,
 * "ohlc": [{"endTime": ms, "openPrice", "highPrice", "lowPrice", "closePrice", "volume", "amount"}, ...]}}, each
 * candle's {@code endTime} the last millisecond of its interval).
 */
public final class BundledEthCandles {

    public static final String RESOURCE = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    public static final Duration STEP = Duration.ofMinutes(5);

    private BundledEthCandles() {
    }

    /** Every candle as a bar of {@code symbol}, in time order. A malformed candle stops the load, named by index. */
    public static List<Bar> load(String symbol) {
        try (InputStream in = BundledEthCandles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with "
                        + "org.ta4j:ta4j-examples:0.18");
            }
            return parse(new ObjectMapper().readTree(in), symbol);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Bar> parse(JsonNode root, String symbol) {
        JsonNode candles = root.path("ohlc");
        if (!candles.isArray() || candles.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": expected a non-empty array 'ohlc'");
        }
        List<Bar> bars = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            JsonNode c = candles.get(i);
            try {
                Instant start = Instant.ofEpochMilli(number(c, "endTime").longValue() + 1).minus(STEP);
                if (!bars.isEmpty() && !start.isAfter(bars.get(bars.size() - 1).start())) {
                    throw new IllegalArgumentException("starts at " + start + ", not after the previous candle");
                }
                double open = positive(c, "openPrice");
                double high = positive(c, "highPrice");
                double low = positive(c, "lowPrice");
                double close = positive(c, "closePrice");
                if (low > Math.min(open, close) || high < Math.max(open, close)) {
                    throw new IllegalArgumentException("low " + low + " and high " + high
                            + " do not bracket open " + open + " and close " + close);
                }
                double volume = number(c, "volume").doubleValue();
                if (!(volume >= 0)) {
                    throw new IllegalArgumentException("volume must be >= 0, got " + volume);
                }
                // A candle says nothing of how many trades made it: 0 means "not known".
                bars.add(new Bar(symbol, start, open, high, low, close, volume, 0));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " candle " + i + ": " + e.getMessage(), e);
            }
        }
        return bars;
    }

    private static Number number(JsonNode candle, String field) {
        JsonNode value = candle.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number, got " + value);
        }
        return value.numberValue();
    }

    private static double positive(JsonNode candle, String field) {
        double value = number(candle, field).doubleValue();
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + field + "' must be positive and finite, got " + value);
        }
        return value;
    }
}
