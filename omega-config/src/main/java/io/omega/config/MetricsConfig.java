package io.omega.config;

/**
 * The {@code metrics} section: where the workers without an API of their own (sink, trainer, evaluator) serve
 * {@code GET /metrics} in Prometheus format. The registry and the controller serve it on their own ports.
 * A port of 0 picks a free one.
 */
public record MetricsConfig(String host, int sinkPort, int trainerPort, int evaluatorPort) {

    static MetricsConfig read(Section s) {
        String host = s.string("host", "127.0.0.1");
        if (host.isBlank()) {
            s.problem("host", "must not be blank");
        }
        return new MetricsConfig(host, s.integer("sink_port", 9401, 0, 65_535),
                s.integer("trainer_port", 9402, 0, 65_535), s.integer("evaluator_port", 9403, 0, 65_535));
    }
}
