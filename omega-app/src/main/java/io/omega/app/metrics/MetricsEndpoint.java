package io.omega.app.metrics;

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
 * {@code GET /metrics} in Prometheus format for a worker without an API of its own (sink, trainer, evaluator), on
 * the {@code metrics} section's host and port. JVM memory, GC and threads are included. {@code GET /api/health}
 * answers with what the worker reports through {@link #health(Supplier)} (UP until it reports).
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JsonHttpServer server;
    private final String host;
    private volatile Supplier<Health> health = () -> new Health(true, "running");

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
