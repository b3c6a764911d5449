package io.omega.learning.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic synthetic market rows for tests. */
public final class SyntheticRows {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final Duration STEP = Duration.ofMinutes(1);

    private SyntheticRows() {
    }

    /** A random walk; features: the last log return, a slow trend, and a noise feature. */
    public static List<MarketRow> randomWalk(String symbol, int rows, long seed) {
        Random random = new Random(seed);
        List<MarketRow> out = new ArrayList<>();
        double price = 100;
        double previous = price;
        for (int i = 0; i < rows; i++) {
            price *= Math.exp(random.nextGaussian() * 0.01);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("ret", Math.log(price / previous));
            f.put("trend", Math.sin(i / 20.0));
            f.put("noise", random.nextGaussian());
            out.add(new MarketRow(symbol, START.plus(STEP.multipliedBy(i)), price, f));
            previous = price;
        }
        return out;
    }

    /**
     * Prices whose direction {@code horizon} steps ahead is announced (noisily) by the feature {@code signal}: a
     * learnable task, used as the positive control of the leakage tests.
     */
    public static List<MarketRow> predictable(String symbol, int rows, int horizon, long seed) {
        Random random = new Random(seed);
        double[] prices = new double[rows + horizon];
        prices[0] = 100;
        for (int i = 1; i < prices.length; i++) {
            prices[i] = prices[i - 1] * Math.exp(random.nextGaussian() * 0.01);
        }
        List<MarketRow> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double direction = prices[i + horizon] > prices[i] ? 1 : -1;
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("signal", direction + random.nextGaussian() * 0.5);
            f.put("noise", random.nextGaussian());
            f.put("level", prices[i] / 100);
            out.add(new MarketRow(symbol, START.plus(STEP.multipliedBy(i)), prices[i], f));
        }
        return out;
    }

    public static MarketRow row(String symbol, int minute, double price, double... features) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (int i = 0; i < features.length; i++) {
            f.put("f" + i, features[i]);
        }
        return new MarketRow(symbol, START.plus(STEP.multipliedBy(minute)), price, f);
    }
}
