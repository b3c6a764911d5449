package io.omega.app.demo;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictSettlingTest {

    private final AtomicLong judged = new AtomicLong();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Optional<String>> registry = new AtomicReference<>(Optional.of("v1"));
    private final AtomicReference<Optional<String>> engine = new AtomicReference<>(Optional.of("v1"));
    private final AtomicInteger looks = new AtomicInteger();

    private final VerdictSettling settling = new VerdictSettling(
            () -> {
                look();
                return judged.get();
            },
            () -> {
                look();
                return requested.get();
            },
            () -> {
                look();
                return applied.get();
            },
            () -> {
                look();
                return registry.get();
            });

    /** The loop moves on by one step at each look, as a monitor, registry and engine would. */
    private void look() {
        switch (looks.incrementAndGet()) {
            case 3 -> {
                judged.set(7);
                requested.set(1); // the 7th trade made the monitor ask for a rollback
            }
            case 6 -> {
                applied.set(1);
                registry.set(Optional.empty()); // back to the rules
            }
            case 9 -> engine.set(Optional.empty());
            default -> { }
        }
    }

    private long far() {
        return System.nanoTime() + 10_000_000_000L;
    }

    @Test
    void waitsForTheVerdictThenForTheRollbackInTheRegistryAndInTheEngine() throws Exception {
        assertThat(settling.await(7, engine::get, far())).isTrue();
        assertThat(applied.get()).isEqualTo(1);
        assertThat(engine.get()).isEmpty();
        assertThat(looks.get()).as("three looks for the verdict, then until the engine swapped at the ninth")
                .isEqualTo(11);
    }

    @Test
    void aTradeWithoutRollbackGoesOnAtOnce() throws Exception {
        judged.set(5);
        looks.set(100); // nothing changes any more
        assertThat(settling.await(5, engine::get, far())).isTrue();
        assertThat(looks.get()).as("one look at the monitor, three at the registry").isEqualTo(104);
    }

    @Test
    void whileTheRulesTradeWithNothingOutstandingItDoesNotWaitForTheMonitor() throws Exception {
        registry.set(Optional.empty());
        engine.set(Optional.empty());
        looks.set(100);
        assertThat(settling.await(9, engine::get, far())).as("the monitor has read none of the 9 trades").isTrue();
        assertThat(judged.get()).isZero();
        assertThat(looks.get()).as("the registry, the rollbacks applied and asked for; never the monitor")
                .isEqualTo(103);
    }

    @Test
    void aRollbackToTheRulesStillOutstandingIsWaitedFor() throws Exception {
        registry.set(Optional.empty());
        engine.set(Optional.empty());
        judged.set(9);
        requested.set(1);
        looks.set(100);
        assertThat(settling.await(9, engine::get, System.nanoTime() + 50_000_000L)).isFalse();
    }

    @Test
    void givesUpAtTheDeadlineWhenTheEngineNeverSwaps() throws Exception {
        judged.set(5);
        requested.set(1);
        applied.set(1);
        registry.set(Optional.of("v0"));
        looks.set(100);
        assertThat(settling.await(5, engine::get, System.nanoTime() + 50_000_000L)).isFalse();
        assertThat(engine.get()).contains("v1");
    }
}
