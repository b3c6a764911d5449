package io.omega.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final RecordingHooks hooks = new RecordingHooks();
    private final FakeService a = new FakeService("a", log);
    private final FakeService b = new FakeService("b", log);
    private final FakeService c = new FakeService("c", log);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Optional<String> metricsUrl;

    private final ServiceRunner.Listener listener = new ServiceRunner.Listener() {
        @Override
        public void running(Optional<String> url) {
            log.add("running");
            metricsUrl = url;
            running.countDown();
        }

        @Override
        public void stopped() {
            log.add("stopped");
        }
    };

    @Test
    void startsInOrderAndOnStopClosesInReverseOrder() throws Exception {
        ServiceRunner runner = runner(null);
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();

        assertThat(log).containsExactly("start a", "start b", "start c", "running");
        assertThat(run).isNotDone();
        runner.stop();
        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a",
                "stopped");
        assertThat(hooks.added).hasSize(1);
        assertThat(hooks.removed).containsExactly(hooks.only());
        assertThat(metricsUrl).isEmpty();
    }

    @Test
    void aServiceThatDiesClosesEveryServiceAndRunThrowsWhatItDiedOf() throws Exception {
        ServiceRunner runner = runner(null);
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();
        IllegalStateException death = new IllegalStateException("producer fenced");

        b.die(death);

        assertThatThrownBy(() -> run.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isSameAs(death);
        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a");
        assertThat(hooks.removed).containsExactly(hooks.only());
    }

    @Test
    void aCheckedFailureComesWrappedNamingTheService() throws Exception {
        ServiceRunner runner = runner(null);
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();

        c.die(new IOException("disk full"));

        assertThatThrownBy(() -> run.get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ServiceFailedException.class).hasMessage("c stopped: disk full")
                .hasCauseInstanceOf(IOException.class);
        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a");
    }

    @Test
    void aServiceThatFinishesItsWorkStopsTheOthersAndTheRunEndsNormally() throws Exception {
        ServiceRunner runner = runner(null);
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();

        a.finish();

        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a",
                "stopped");
    }

    @Test
    void aStartThatFailsClosesWhatStartedItselfIncludedAndNeverStartsTheRest() {
        IllegalStateException refused = new IllegalStateException("registry processor not ready within PT2M");
        b.failingOnStart(refused);
        ServiceRunner runner = runner(null);

        assertThatThrownBy(() -> runner.run(listener)).isSameAs(refused);
        assertThat(log).containsExactly("start a", "start b", "close b", "close a");
        assertThat(hooks.removed).containsExactly(hooks.only());
    }

    @Test
    void theShutdownHookStopsTheServicesAndHoldsTheJvmUntilTheyAreClosedAndTheCallerHasSaidSo() throws Exception {
        CountDownLatch releaseClose = new CountDownLatch(1);
        a.holdingClose(releaseClose);
        ServiceRunner runner = runner(null);
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();

        Thread hook = hooks.only();
        hook.start();
        // c and b close before a, so once a's close has begun the log is settled up to it.
        assertThat(a.closeEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(hook.isAlive()).as("the hook waits while a service is still closing").isTrue();
        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b");

        releaseClose.countDown();
        hook.join(WAIT.toMillis());
        assertThat(hook.isAlive()).isFalse();
        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a",
                "stopped");
        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void theShutdownHookGivesUpAfterTheStopWait() throws Exception {
        CountDownLatch neverReleased = new CountDownLatch(1);
        a.holdingClose(neverReleased);
        ServiceRunner runner = new ServiceRunner(List.of(a), null, hooks, Duration.ofMillis(200));
        runInBackground(runner);
        awaitRunning();

        long started = System.nanoTime();
        Thread hook = hooks.only();
        hook.start();
        hook.join(WAIT.toMillis());

        assertThat(hook.isAlive()).isFalse();
        // No upper bound beyond the join above: a loaded machine may take its time, but never less than the wait.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(log).containsExactly("start a", "running");
        neverReleased.countDown();
    }

    @Test
    void aStopAskedForBeforeTheRunClosesTheServicesAsSoonAsTheyStarted() throws Exception {
        ServiceRunner runner = runner(null);
        runner.stop();

        runner.run(listener);

        assertThat(log).containsExactly("start a", "start b", "start c", "running", "close c", "close b", "close a",
                "stopped");
    }

    @Test
    void runsOnce() throws Exception {
        ServiceRunner runner = runner(null);
        runner.stop();
        runner.run(listener);

        assertThatThrownBy(() -> runner.run(listener)).isInstanceOf(IllegalStateException.class);
        assertThat(log).filteredOn(line -> line.startsWith("start")).hasSize(3);
    }

    @Test
    void servesTheServicesMetricsAndTheirHealthWhileTheyRun() throws Exception {
        ServiceRunner runner = runner(new MetricsEndpoint.Address("127.0.0.1", 0));
        CompletableFuture<Void> run = runInBackground(runner);
        awaitRunning();

        assertThat(log).containsExactly("bind a", "bind b", "bind c", "start a", "start b", "start c", "running");
        String url = metricsUrl.orElseThrow();
        assertThat(url).startsWith("http://127.0.0.1:").endsWith("/metrics");
        HttpResponse<String> metrics = get(url);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("fake_things_total{service=\"a\"} 1.0")
                .contains("fake_things_total{service=\"b\"} 1.0").contains("fake_things_total{service=\"c\"} 1.0");

        String health = url.replace("/metrics", "/api/health");
        assertThat(get(health).statusCode()).isEqualTo(200);
        b.reports(Health.down("2 partition(s) waiting for the schema registry"));
        HttpResponse<String> down = get(health);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\",\"detail\":\"a: fine; b: 2 partition(s) waiting for "
                + "the schema registry; c: fine\"}");

        runner.stop();
        run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> get(url)).as("the endpoint closes with the services").isInstanceOf(IOException.class);
    }

    @Test
    void oneServicesHealthIsItsOwn() {
        a.reports(Health.down("stopped"));

        assertThat(ServiceGroup.health(List.of(a))).isEqualTo(Health.down("stopped"));
        assertThat(ServiceGroup.health(List.of(b, c))).isEqualTo(Health.up("b: fine; c: fine"));
    }

    private ServiceRunner runner(MetricsEndpoint.Address metrics) {
        return new ServiceRunner(List.of(a, b, c), metrics, hooks, WAIT);
    }

    private CompletableFuture<Void> runInBackground(ServiceRunner runner) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                runner.run(listener);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "runner-under-test");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private void awaitRunning() throws InterruptedException {
        assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("running; log %s", log).isTrue();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
