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
 * of {@link #MINUTE_VOLATILITY} and a volume between 1 and 10; the same scenario and seed give the same bars on every
 * machine.
 *
 * <ul>
 *   <li>{@link Scenario#RANDOM_WALK}: no drift and no memory; nothing can be learned, so nothing should be
 *       promoted.</li>
 *   <li>{@link Scenario#PLANTED_SIGNAL}: a random walk with shocks. Outside a shock's aftermath, each minute starts a
 *       shock with probability 1/{@link #MEAN_SHOCK_WAIT_MINUTES}: a move of {@link #SHOCK} either way within one bar,
 *       on a volume of 20 to 40. Over the next {@link #HOLD_MINUTES} minutes the price drifts back by the shock's
 *       size with probability {@code strength}, or on by as much otherwise. A model that reads the shock (its
 *       return, range and volume are all in the features) and trades the reversal earns money after costs. The
 *       engine's own rules (five-bar momentum) follow the shock and lose, so a model that learned the signal beats
 *       them by a wide margin and should be promoted.</li>
 *   <li>{@link Scenario#REGIME_FLIP}: nine days ({@link #FLIP_MINUTES}); the planted signal for the first half; in the
 *       second half a shock goes on with probability {@code strength} instead of reverting: what was learned now
 *       loses, and a sound monitor should notice.</li>
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
    /** A shock's move within its bar, and the drift back (or on) over the {@link #HOLD_MINUTES} after it. */
    public static final double SHOCK = 0.015;
    public static final int HOLD_MINUTES = 30;
    public static final int MEAN_SHOCK_WAIT_MINUTES = 15;
    /** No shock before this minute, so that the engine's features (31 bars) are warm before the first one. */
    public static final int QUIET_START_MINUTES = 60;
    /** A shock bar's volume is at least this, an ordinary bar's always below. */
    public static final double SHOCK_VOLUME = 20;
    /** Six days of minutes, as long as the bundled Bitstamp week. */
    public static final int DEFAULT_MINUTES = 6 * 24 * 60;
    /**
     * A regime flip runs nine days, flipping after four and a half: the demo's loop takes three to five days to
     * learn the planted signal well enough to promote a model, and the flip is there to test that model's monitor.
     */
    public static final int FLIP_MINUTES = 9 * 24 * 60;
    /**
     * Shocks revert four times in five by default. At 0.7, one seed in three (3) realised its shocks so weakly that
     * the demo's candidates (three epochs on three to six days of minutes) never passed the gate's edge test within
     * six days, although trading every shock's reversal still earned +0.5 % a trade: correct declines, but a
     * planted-signal run is there to show a promotion. {@code --signal-strength} sets any strength in [0.5, 1].
     */
    public static final String DEFAULT_STRENGTH_TEXT = "0.8";
    public static final double DEFAULT_STRENGTH = Double.parseDouble(DEFAULT_STRENGTH_TEXT);
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
        return new GeneratedMarket(scenario, seed, DEFAULT_STRENGTH,
                scenario == Scenario.REGIME_FLIP ? FLIP_MINUTES : DEFAULT_MINUTES, Instant.parse("2026-01-01T00:00:00Z"));
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
        double price = START_PRICE;
        int holdLeft = 0;
        int direction = 0;
        for (int m = 0; m < minutes; m++) {
            double drift = 0;
            double volume = 1 + random.nextDouble() * 9;
            if (holdLeft > 0) {
                drift = direction * SHOCK / HOLD_MINUTES;
                holdLeft--;
            } else if (scenario != Scenario.RANDOM_WALK && m >= QUIET_START_MINUTES
                    && random.nextDouble() < 1.0 / MEAN_SHOCK_WAIT_MINUTES) {
                int shock = random.nextBoolean() ? 1 : -1;
                drift = shock * SHOCK;
                volume = SHOCK_VOLUME + random.nextDouble() * SHOCK_VOLUME;
                direction = aftermath(m, shock, random);
                holdLeft = HOLD_MINUTES;
            }
            double open = price;
            double high = price;
            double low = price;
            for (int t = 0; t < TICKS; t++) {
                price *= Math.exp(drift / TICKS + tickVolatility * random.nextGaussian());
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            bars.add(new Bar(symbol, start.plus(Duration.ofMinutes(m)), open, high, low, price, volume, TICKS));
        }
        return bars;
    }

    /** Which way the price drifts after a shock: back (or, after a flip, on) with probability {@code strength}. */
    private int aftermath(int minute, int shock, SplittableRandom random) {
        boolean flipped = scenario == Scenario.REGIME_FLIP && minute >= minutes / 2;
        int expected = flipped ? shock : -shock;
        return random.nextDouble() < strength ? expected : -expected;
    }

    @Override
    public Duration barLength() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String description() {
        return switch (scenario) {
            case RANDOM_WALK -> "one-minute bars of a generated driftless random walk (seed " + seed + ")";
            case PLANTED_SIGNAL -> String.format(Locale.ROOT, "one-minute bars of a generated market whose shocks "
                    + "revert with probability %.2f (seed %d)", strength, seed);
            // Halfway, not a time: the replay may shift the bars to end now.
            case REGIME_FLIP -> String.format(Locale.ROOT, "one-minute bars of a generated market whose shocks "
                    + "revert (probability %.2f) in the first half and go on in the second, after %d bars (seed %d)",
                    strength, minutes / 2, seed);
        };
    }
}
