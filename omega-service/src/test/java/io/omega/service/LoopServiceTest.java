package io.omega.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LoopServiceTest {

    private final List<String> calls = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);

    private LoopService service() {
        return new LoopService("worker", () -> {
            calls.add("run on " + Thread.currentThread().getName());
            running.countDown();
            stopped.await();
        }, () -> {
            calls.add("stop");
            stopped.countDown();
        }, registry -> registry.counter("worker.things").increment(3));
    }

    @Test
    void runsTheLoopOnItsOwnThreadBindsItsMetersAndStopsItOnClose() throws Exception {
        LoopService service = service();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        service.bindMetrics(registry);
        assertThat(registry.counter("worker.things").count()).isEqualTo(3.0);
        assertThat(service.name()).isEqualTo("worker");
        assertThat(service.health()).isEqualTo(Health.down("not started"));

        service.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(service.health()).isEqualTo(Health.up("running"));
        assertThat(service.ended().toCompletableFuture()).isNotDone();

        service.close();
        assertThat(service.ended().toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(service.health()).isEqualTo(Health.down("stopped"));
        assertThat(calls).containsExactly("run on omega-worker", "stop");
    }

    @Test
    void closingAServiceThatNeverStartedLeavesTheWorkerAlone() {
        LoopService service = service();
        service.close();
        assertThat(calls).isEmpty();
        assertThat(service.health()).isEqualTo(Health.down("not started"));
    }
}
