package io.omega.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs services until the JVM is asked to stop (Ctrl-C, SIGTERM), {@link #stop()} is called, or one of them ends by
 * itself: starts them in order, serves their {@code /metrics} and {@code /api/health} when given an address, and
 * closes them in reverse order. One shutdown hook does the stopping: it asks for the stop and holds the JVM until
 * the services are closed and the caller has said so, since the JVM exits as soon as its hooks return.
 *
 * <p>A service that dies stops the others, and {@link #run} throws what it died of (a checked exception wrapped in a
 * {@link ServiceFailedException}), so the process exits non-zero with the reason. One that finishes its work (a
 * replay at the end of its data) stops the others too, and {@code run} returns normally.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** The longest a service takes to stop, the controller's Streams applications committing and closing. */
    static final Duration STOP_WAIT = Duration.ofSeconds(40);

    /** What the caller prints when the services run and when they have stopped. */
    public interface Listener {

        /** Every service has started; {@code metricsUrl} is where {@code /metrics} is served, if it is. */
        default void running(Optional<String> metricsUrl) {
        }

        /** Every service is closed after a stop; the JVM does not exit on a shutdown before this returns. */
        default void stopped() {
        }
    }

    private final List<Service> services;
    private final MetricsEndpoint.Address metrics;
    private final ShutdownHooks hooks;
    private final Duration stopWait;
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean ran = new AtomicBoolean();

    /** Runs {@code services} without a metrics endpoint (a service with an HTTP API of its own serves one there). */
    public ServiceRunner(List<? extends Service> services) {
        this(services, null, ShutdownHooks.jvm(), STOP_WAIT);
    }

    /** Runs {@code services} with {@code /metrics} and {@code /api/health} on {@code metrics}. */
    public ServiceRunner(List<? extends Service> services, MetricsEndpoint.Address metrics) {
        this(services, metrics, ShutdownHooks.jvm(), STOP_WAIT);
    }

    ServiceRunner(List<? extends Service> services, MetricsEndpoint.Address metrics, ShutdownHooks hooks,
                  Duration stopWait) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("no services to run");
        }
        this.services = List.copyOf(services);
        this.metrics = metrics;
        this.hooks = hooks;
        this.stopWait = stopWait;
    }

    /** Starts the services and returns once they are closed again. Once per runner. */
    public void run(Listener listener) throws InterruptedException {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("a runner runs once");
        }
        Thread hook = new Thread(this::stopAndAwaitFinished, "omega-shutdown");
        hooks.add(hook);
        try {
            runServices(listener);
        } finally {
            finished.countDown();
            hooks.remove(hook);
        }
    }

    /** Asks the running services to stop, as Ctrl-C does; before {@link #run}, they stop as soon as they started. */
    public void stop() {
        stopRequested.complete(null);
    }

    private void runServices(Listener listener) throws InterruptedException {
        MetricsEndpoint endpoint = metrics == null ? null : new MetricsEndpoint(metrics);
        try {
            if (endpoint != null) {
                services.forEach(service -> service.bindMetrics(endpoint.registry()));
                endpoint.health(() -> ServiceGroup.health(services));
            }
            ServiceGroup.Ending ending;
            try (ServiceGroup group = ServiceGroup.start(services)) {
                listener.running(Optional.ofNullable(endpoint).map(MetricsEndpoint::url));
                ending = awaitStopOrEnding(group);
            }
            if (ending != null && ending.failed()) {
                throw rethrowable(ending);
            }
            listener.stopped();
        } finally {
            if (endpoint != null) {
                endpoint.close();
            }
        }
    }

    /** The ending of the service that ended first, or null when the stop was asked for. */
    private ServiceGroup.Ending awaitStopOrEnding(ServiceGroup group) throws InterruptedException {
        try {
            CompletableFuture.anyOf(stopRequested, group.firstEnded()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("neither a stop nor an ending completes exceptionally", e);
        }
        ServiceGroup.Ending ending = group.firstEnded().getNow(null);
        if (ending == null) {
            LOG.info("stopping {}", names());
        } else if (ending.failed()) {
            LOG.error("{} died, stopping {}: {}", ending.service().name(), names(),
                    ServiceFailedException.reason(ending.failure()), ending.failure());
        } else {
            LOG.info("{} finished, stopping {}", ending.service().name(), names());
        }
        return ending;
    }

    private static RuntimeException rethrowable(ServiceGroup.Ending ending) {
        Throwable failure = ending.failure();
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new ServiceFailedException(ending.service().name(), failure);
    }

    private void stopAndAwaitFinished() {
        stop();
        try {
            if (!finished.await(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s", names(), stopWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String names() {
        return String.join(", ", services.stream().map(Service::name).toList());
    }
}
