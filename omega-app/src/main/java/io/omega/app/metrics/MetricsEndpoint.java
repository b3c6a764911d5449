package io.omega.app.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omega.http.JsonHttpServer;

/**
 * {@code GET /metrics} in Prometheus format for a worker without an API of its own (sink, trainer, evaluator), on
 * the {@code metrics} section's host and port. JVM memory, GC and threads are included.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JsonHttpServer server;
    private final String host;

    public MetricsEndpoint(String host, int port) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.host = host;
        this.server = JsonHttpServer.start(host, port, registry, app -> { });
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String url() {
        return "http://" + host + ":" + server.port() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
