package io.omega.exchange.okx;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnecting after the {@code n}-th consecutive failure: {@code initial × multiplier^n},
 * at most {@code max}, shortened by up to {@code jitter} of itself at random so that many clients dropped by the
 * same OKX restart do not all come back in the same instant. A jitter of 0 makes it deterministic (tests).
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 1 s, 2 s, 4 s ... up to a minute, each up to 20 % shorter. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, 0.2);
    }

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff: the first delay must be positive, got " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: the longest delay must be at least the first (" + initial
                    + "), got " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff: the multiplier must be finite and at least 1, got "
                    + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("backoff: the jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The delay after {@code failures} consecutive failures (0 for the first). */
    public Duration delay(int failures, RandomGenerator random) {
        if (failures < 0) {
            throw new IllegalArgumentException("backoff: failures must be >= 0, got " + failures);
        }
        double nanos = Math.min(max.toNanos(), initial.toNanos() * Math.pow(multiplier, failures));
        if (jitter > 0) {
            nanos *= 1.0 - jitter * random.nextDouble();
        }
        return Duration.ofMillis(Math.max(1, Math.round(nanos / 1e6)));
    }
}
