package io.omega.app.demo;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollingTest {

    @Test
    void aConditionThatHoldsReturnsAtOnceEvenPastTheDeadline() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Polling.until(() -> looks.incrementAndGet() > 0, System.nanoTime() - 1, 1_000)).isTrue();
        assertThat(looks).hasValue(1);
    }

    @Test
    void itLooksUntilTheConditionHolds() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        boolean held = Polling.until(() -> looks.incrementAndGet() == 3,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(10), 1);

        assertThat(held).isTrue();
        assertThat(looks).hasValue(3);
    }

    @Test
    void aDeadlineThatPassesFirstIsFalse() throws Exception {
        long started = System.nanoTime();

        boolean held = Polling.until(() -> false, started + TimeUnit.MILLISECONDS.toNanos(30), 5);

        assertThat(held).isFalse();
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }
}
