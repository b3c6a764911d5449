package io.omega.paper.market.generated;

import io.omega.paper.BarSource;
import io.omega.paper.market.Bar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One-minute bars generated from a seed, for checking what the loop learns on data whose truth is known. Each minute
 * is built from {@link #TICKS} price steps (its open, high, low and close are theirs), with a per-minute volatility
 * of {@link #MINUTE_VOLATILITY}; the same scenario and seed give the same bars on every machine.
 *
 * <ul>
 *   <li>{@link Scenario#RANDOM_WALK}: no drift and no memory; nothing can be learned, so nothing should be
 *       promoted.</li>
 *   <li>{@link Scenario#PLANTED_SIGNAL}: every {@link #HOLD_MINUTES} minutes the market picks a direction for the next
 *       {@link #HOLD_MINUTES} minutes: the sign of the last {@link #LOOKBACK_MINUTES} minutes' return with probability
 *       {@code strength}, the opposite otherwise; during them it drifts that way by {@link #DRIFT} per minute. At the
 *       default strength 0.7 a plain momentum rule earns money after costs, so a model can learn it; the engine's
 *       own rules (five-bar momentum) earn on it too, so a model is only promoted when it beats them.</li>
 *   <li>{@link Scenario#REGIME_FLIP}: the planted signal for the first half; in the second half the direction is the
 *       opposite of the last {@link #LOOKBACK_MINUTES} minutes' sign with probability {@code strength}: what was
 *       learned now loses, and a sound monitor should notice.</li>
 * </ul>
 */
public record GeneratedMarket(Scenario scenario, long seed, double strength, int minutes, Instant start)
        implements BarSource {

    public enum Scenario {
        RANDOM_WALK, PLANTED_SIGNAL, REGIME_FLIP;

        /** The name on the command line: lower case, dashes for underscores. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Scenario parse(String name) {
            for (Scenario s : values()) {
                if (s.cliName().equals(name) || s.name().equalsIgnoreCase(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown scenario '" + name + "': expected one of "
                    + java.util.Arrays.stream(values()).map(Scenario::cliName).toList());
        }
    }

    public static final int TICKS = 10;
    public static final double MINUTE_VOLATILITY = 0.001;
    public static final double DRIFT = 0.0004;
    public static final int HOLD_MINUTES = 30;
    public static final int LOOKBACK_MINUTES = 15;
    /** Six days of minutes, as long as the bundled Bitstamp week. */
    public static final int DEFAULT_MINUTES = 6 * 24 * 60;
    public static final double DEFAULT_STRENGTH = 0.7;
    private static final double START_PRICE = 30_000;

    public GeneratedMarket {
        if (!(strength >= 0.5 && strength <= 1)) {
            throw new IllegalArgumentException("signal strength must be in [0.5, 1], got " + strength);
        }
        if (minutes < 2 * HOLD_MINUTES) {
            throw new IllegalArgumentException("a generated market needs at least " + 2 * HOLD_MINUTES
                    + " minutes, got " + minutes);
        }
    }

    public static GeneratedMarket of(Scenario scenario, long seed) {
        return new GeneratedMarket(scenario, seed, DEFAULT_STRENGTH, DEFAULT_MINUTES, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The same market with another signal strength (refused outside [0.5, 1]). */
    public GeneratedMarket withStrength(double signalStrength) {
        return new GeneratedMarket(scenario, seed, signalStrength, minutes, start);
    }

    @Override
    public List<Bar> bars(String symbol) {
        SplittableRandom random = new SplittableRandom(seed);
        double tickVolatility = MINUTE_VOLATILITY / Math.sqrt(TICKS);
        List<Bar> bars = new ArrayList<>(minutes);
        double[] closes = new double[minutes];
        double price = START_PRICE;
        int direction = 0;
        for (int m = 0; m < minutes; m++) {
            if (scenario != Scenario.RANDOM_WALK && m % HOLD_MINUTES == 0) {
                direction = direction(m, closes, random);
            }
            double drift = scenario == Scenario.RANDOM_WALK ? 0 : direction * DRIFT / TICKS;
            double open = price;
            double high = price;
            double low = price;
            for (int t = 0; t < TICKS; t++) {
                price *= Math.exp(drift + tickVolatility * random.nextGaussian());
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            closes[m] = price;
            double volume = 1 + random.nextDouble() * 9;
            bars.add(new Bar(symbol, start.plus(Duration.ofMinutes(m)), open, high, low, price, volume, TICKS));
        }
        return bars;
    }

    /** The next block's direction: momentum (or, after a flip, its reverse) with probability {@code strength}. */
    private int direction(int minute, double[] closes, SplittableRandom random) {
        boolean agree = random.nextDouble() < strength;
        if (minute < LOOKBACK_MINUTES + 1) {
            return random.nextBoolean() ? 1 : -1;
        }
        double past = closes[minute - 1] / closes[minute - 1 - LOOKBACK_MINUTES];
        int momentum = past >= 1 ? 1 : -1;
        boolean flipped = scenario == Scenario.REGIME_FLIP && minute >= minutes / 2;
        int follow = flipped ? -momentum : momentum;
        return agree ? follow : -follow;
    }

    @Override
    public Duration barLength() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String description() {
        return switch (scenario) {
            case RANDOM_WALK -> "one-minute bars of a generated driftless random walk (seed " + seed + ")";
            case PLANTED_SIGNAL -> String.format(Locale.ROOT, "one-minute bars of a generated market with a planted "
                    + "momentum signal of strength %.2f (seed %d)", strength, seed);
            // Halfway, not a time: the replay may shift the bars to end now.
            case REGIME_FLIP -> String.format(Locale.ROOT, "one-minute bars of a generated market whose momentum "
                    + "signal (strength %.2f) reverses halfway, after %d bars (seed %d)", strength, minutes / 2, seed);
        };
    }
}
