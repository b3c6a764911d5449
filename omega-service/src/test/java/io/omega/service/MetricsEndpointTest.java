package io.omega.service;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsEndpointTest {

    @Test
    void servesTheRegistryAndTheJvmInPrometheusFormatOnLoopback() throws Exception {
        try (MetricsEndpoint endpoint = new MetricsEndpoint("127.0.0.1", 0)) {
            Counter.builder("omega.test.things").tag("kind", "a").register(endpoint.registry()).increment(3);
            assertThat(endpoint.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint.url())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(response.body()).contains("omega_test_things_total{kind=\"a\"} 3.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void answersHealthWithWhatTheWorkerReports() throws Exception {
        try (MetricsEndpoint endpoint = new MetricsEndpoint("127.0.0.1", 0)) {
            String url = endpoint.url().replace("/metrics", "/api/health");
            HttpResponse<String> up = get(url);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\",\"detail\":\"running\"}");

            endpoint.health(() -> Health.down("1 partition(s) waiting for the schema registry"));
            HttpResponse<String> down = get(url);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo(
                    "{\"status\":\"DOWN\",\"detail\":\"1 partition(s) waiting for the schema registry\"}");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
