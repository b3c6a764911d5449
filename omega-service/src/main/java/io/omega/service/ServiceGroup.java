package io.omega.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Services started in the order given and closed in the reverse order, so that each is closed before whatever it
 * was started after (the registry, whose topics and schema ids the others use, starts first and closes last). A
 * start that fails closes what had started, itself included, and throws.
 */
public final class ServiceGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceGroup.class);

    /** The first service whose work ended, and the reason when it died (null when it finished or was closed). */
    public record Ending(Service service, Throwable failure) {

        public boolean failed() {
            return failure != null;
        }

        /** For a person: which service, and what it died of. */
        public String describe() {
            return failed() ? service.name() + " died: " + ServiceFailedException.reason(failure)
                    : service.name() + " stopped";
        }
    }

    private final List<Service> services;
    private final CompletableFuture<Ending> firstEnded = new CompletableFuture<>();
    private boolean closed;

    private ServiceGroup(List<Service> services) {
        this.services = services;
        for (Service service : services) {
            service.ended().whenComplete((ignored, error) -> firstEnded.complete(
                    new Ending(service, error == null ? null : ServiceFailedException.unwrap(error))));
        }
    }

    public static ServiceGroup start(List<? extends Service> services) {
        List<Service> started = new ArrayList<>();
        for (Service service : services) {
            LOG.debug("starting {}", service.name());
            started.add(service);
            try {
                service.start();
            } catch (RuntimeException | Error e) {
                closeInReverse(started);
                throw e;
            }
        }
        return new ServiceGroup(List.copyOf(started));
    }

    /** Completes with the first service whose work ends, however it ends. */
    public CompletableFuture<Ending> firstEnded() {
        return firstEnded;
    }

    public Health health() {
        return health(services);
    }

    /**
     * UP when every service is. One service's health as it is; several named one by one, so that a DOWN says which.
     */
    public static Health health(List<? extends Service> services) {
        List<Health> each = services.stream().map(Service::health).toList();
        boolean up = each.stream().allMatch(Health::up);
        if (services.size() == 1) {
            return each.get(0);
        }
        List<String> details = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            details.add(services.get(i).name() + ": " + each.get(i).detail());
        }
        return new Health(up, details.stream().collect(Collectors.joining("; ")));
    }

    /** Closes every service, the last started first; one that fails to close does not keep the others open. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeInReverse(services);
        }
    }

    private static void closeInReverse(List<Service> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            Service service = services.get(i);
            try {
                service.close();
                LOG.debug("closed {}", service.name());
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed: {}", service.name(), e.getMessage(), e);
            }
        }
    }
}
