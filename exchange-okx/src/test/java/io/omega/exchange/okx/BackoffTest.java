package io.omega.exchange.okx;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void withoutJitterTheDelaysDoubleUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(IntStream.range(0, 7).mapToObj(n -> backoff.delay(n, random)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(backoff.delay(1_000, random)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterOnlyShortensAndStaysWithinItsShare() {
        Backoff backoff = Backoff.standard();
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 10; n++) {
            Duration base = Duration.ofSeconds(Math.min(60, 1L << n));
            for (int i = 0; i < 100; i++) {
                Duration d = backoff.delay(n, random);
                assertThat(d).isLessThanOrEqualTo(base);
                assertThat(d.toMillis()).isGreaterThanOrEqualTo((long) Math.floor(base.toMillis() * 0.8));
            }
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .hasMessage("backoff: the first delay must be positive, got PT0S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .hasMessage("backoff: the longest delay must be at least the first (PT2S), got PT1S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0))
                .hasMessage("backoff: the multiplier must be finite and at least 1, got 0.5");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1))
                .hasMessage("backoff: the jitter must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Backoff.standard().delay(-1, new SplittableRandom()))
                .hasMessage("backoff: failures must be >= 0, got -1");
    }
}
