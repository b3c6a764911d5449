package io.omega.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread a worker's blocking {@code run()} loop runs on once it is a {@link Service}, and what became of it: the
 * worker keeps its own {@code run()} and {@code close()}, so tests can still drive it on a thread of their own.
 */
public final class BackgroundLoop {

    /** A blocking loop; what it throws, checked or not, is how it died. */
    @FunctionalInterface
    public interface Loop {
        void run() throws Exception;
    }

    private final String threadName;
    private final Loop loop;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    public BackgroundLoop(String threadName, Loop loop) {
        this.threadName = threadName;
        this.loop = loop;
    }

    /** Runs the loop on a new thread. A daemon: closing waits for it, and a stuck one must not hold the JVM up. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(threadName + " already started");
        }
        Thread thread = new Thread(() -> {
            try {
                loop.run();
                ended.complete(null);
            } catch (Throwable e) {
                ended.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean started() {
        return started.get();
    }

    /** Completes when the loop returns, exceptionally with what it threw. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** UP while the loop runs; DOWN before it starts, once it returned, or with why it died. */
    public Health health() {
        if (!started.get()) {
            return Health.down("not started");
        }
        if (!ended.isDone()) {
            return Health.up("running");
        }
        return ended.isCompletedExceptionally() ? Health.down("failed: " + ServiceFailedException.reason(ended)) : Health.down("stopped");
    }

    /** Waits up to {@code timeout} for the loop to return; true when it has (or never started). */
    public boolean awaitEnded(Duration timeout) throws InterruptedException {
        if (!started.get()) {
            return true;
        }
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // it ended, by failing: ended() tells how
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
        return true;
    }
}
