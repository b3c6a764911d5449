package io.omega.service;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omega.http.JsonHttpServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in Prometheus format for services without an API of their own (sink, trainer, evaluator), on
 * the {@code metrics} section's host and port. JVM memory, GC and threads are included. {@code GET /api/health}
 * answers with what the services report through {@link #health(Supplier)} (UP until they report).
 */
public final class MetricsEndpoint implements AutoCloseable {

    /** Where the endpoint listens; port 0: any free one. */
    public record Address(String host, int port) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JsonHttpServer server;
    private final String host;
    private volatile Supplier<Health> health = () -> Health.up("running");

    public MetricsEndpoint(String host, int port) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.host = host;
        this.server = JsonHttpServer.start(host, port, registry, app -> app.get("/api/health", ctx -> {
            Health now = health.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", now.up() ? "UP" : "DOWN");
            body.put("detail", now.detail());
            ctx.status(now.up() ? 200 : 503).json(body);
        }));
    }

    public MetricsEndpoint(Address address) {
        this(address.host(), address.port());
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** From now on {@code /api/health} asks {@code health}. */
    public void health(Supplier<Health> health) {
        this.health = health;
    }

    public String url() {
        return "http://" + host + ":" + server.port() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
