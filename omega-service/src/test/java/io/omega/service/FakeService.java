package io.omega.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** A service that writes what is done to it into a shared log, and ends or fails when the test says so. */
final class FakeService implements Service {

    private final String name;
    private final List<String> log;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile RuntimeException failOnStart;
    private volatile CountDownLatch holdClose;
    private volatile Health health = Health.up("fine");
    final CountDownLatch closeEntered = new CountDownLatch(1);

    FakeService(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    FakeService failingOnStart(RuntimeException e) {
        this.failOnStart = e;
        return this;
    }

    /** close() waits until the latch opens. */
    FakeService holdingClose(CountDownLatch latch) {
        this.holdClose = latch;
        return this;
    }

    void reports(Health now) {
        health = now;
    }

    void finish() {
        ended.complete(null);
    }

    void die(Throwable e) {
        ended.completeExceptionally(e);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        log.add("start " + name);
        if (failOnStart != null) {
            throw failOnStart;
        }
    }

    @Override
    public Health health() {
        return health;
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        log.add("bind " + name);
        Counter.builder("fake.things").tag("service", name).register(registry).increment();
    }

    @Override
    public CompletionStage<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        closeEntered.countDown();
        CountDownLatch hold = holdClose;
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.add("close " + name);
    }
}
