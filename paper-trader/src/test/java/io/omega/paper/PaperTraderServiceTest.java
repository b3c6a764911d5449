package io.omega.paper;

import io.omega.service.Health;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperTraderServiceTest {

    private static final PaperTrader.Stats STATS = new PaperTrader.Stats(120, 118, 7, 6, 0, 0);

    @Test
    void runsUntilClosedThenHasItsStats() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger looks = new AtomicInteger();
        PaperTraderService service = new PaperTraderService(stop -> {
            while (!stop.getAsBoolean()) {
                looks.incrementAndGet();
                // Counted only after a first look, so close() cannot set the stop flag before the loop has seen it.
                running.countDown();
                Thread.sleep(5);
            }
            return STATS;
        });

        service.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(service.health()).isEqualTo(Health.up("running"));
        assertThat(service.stats()).isEmpty();
        assertThat(service.ended().toCompletableFuture()).isNotDone();

        service.close();

        assertThat(service.ended().toCompletableFuture()).isCompleted();
        assertThat(service.stats()).contains(STATS);
        assertThat(service.health()).isEqualTo(Health.down("stopped"));
        assertThat(looks.get()).isPositive();
    }

    @Test
    void aReplayAtTheEndOfItsDataEndsTheServiceByItself() throws Exception {
        PaperTraderService service = new PaperTraderService(stop -> STATS);

        service.start();

        assertThat(service.ended().toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(service.stats()).contains(STATS);
    }

    @Test
    void aRunThatThrowsEndsTheServiceWithWhy() {
        IllegalStateException refused = new IllegalStateException("OKX refused every symbol: BTC-USDT-SWAP");
        PaperTraderService service = new PaperTraderService(stop -> {
            throw refused;
        });

        service.start();

        assertThatThrownBy(() -> service.ended().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isSameAs(refused);
        assertThat(service.stats()).isEmpty();
        assertThat(service.health()).isEqualTo(Health.down("failed: " + refused.getMessage()));
    }
}
