package io.omega.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundLoopTest {

    @Test
    void runsTheLoopOnItsOwnNamedThreadAndIsUpUntilItReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String[] threadName = new String[1];
        BackgroundLoop loop = new BackgroundLoop("omega-test-loop", () -> {
            threadName[0] = Thread.currentThread().getName();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(loop.health()).isEqualTo(Health.down("not started"));

        loop.start();
        assertThat(loop.health()).isEqualTo(Health.up("running"));
        assertThat(loop.awaitEnded(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(loop.awaitEnded(Duration.ofSeconds(10))).isTrue();
        assertThat(threadName[0]).isEqualTo("omega-test-loop");
        assertThat(loop.ended()).isCompleted();
        assertThat(loop.health()).isEqualTo(Health.down("stopped"));
    }

    @Test
    void aLoopThatThrowsEndsExceptionallyWithWhatItThrew() throws Exception {
        IllegalStateException boom = new IllegalStateException("broker refused");
        BackgroundLoop loop = new BackgroundLoop("omega-test-loop", () -> {
            throw boom;
        });

        loop.start();

        assertThat(loop.awaitEnded(Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> loop.ended().get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isSameAs(boom);
        assertThat(loop.health()).isEqualTo(Health.down("failed: broker refused"));
    }

    @Test
    void aCheckedExceptionEndsItToo() throws Exception {
        java.io.IOException full = new java.io.IOException("disk full");
        BackgroundLoop loop = new BackgroundLoop("omega-test-loop", () -> {
            throw full;
        });

        loop.start();

        assertThat(loop.awaitEnded(Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> loop.ended().get(1, TimeUnit.SECONDS)).cause().isSameAs(full);
        assertThat(loop.health()).isEqualTo(Health.down("failed: disk full"));
    }

    @Test
    void startsOnce() {
        BackgroundLoop loop = new BackgroundLoop("omega-test-loop", () -> { });
        loop.start();

        assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLoopNeverStartedCountsAsEnded() throws Exception {
        assertThat(new BackgroundLoop("omega-test-loop", () -> { }).awaitEnded(Duration.ZERO)).isTrue();
    }
}
