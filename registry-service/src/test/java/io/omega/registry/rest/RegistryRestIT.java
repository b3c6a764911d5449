package io.omega.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.registry.RegistryService;
import io.omega.registry.TestArtifacts;
import io.omega.registry.client.RegistryTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryClient;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class RegistryRestIT {

    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final HttpClient http = HttpClient.newHttpClient();
    private RegistryService service;

    @TempDir
    Path dataDir;

    RegistryRestIT(KafkaTestBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    private record Answer(int status, JsonNode body, String text) {
    }

    private RegistryTopics topics;

    private RegistryService start(String token, long timeoutMs) {
        OmegaConfig config = ConfigLoader.parse("""
                kafka:
                  bootstrap_servers: "%s"
                storage:
                  data_dir: "%s"
                registry:
                  port: 0
                  admin_token: "%s"
                  command_timeout_ms: %d
                """.formatted(bootstrap, dataDir, token, timeoutMs), Map.of());
        if (topics == null) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            topics = new RegistryTopics("rest.registry-commands." + suffix, "rest.registry-events." + suffix);
        }
        // A new schema-registry client each time, as a new process would have.
        service = RegistryService.start(config, new OmegaSerdes(config.schemaRegistry()), topics);
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private void register(String type, String version, double winRate) {
        TestArtifacts.Artifact a = new TestArtifacts(dataDir).write(type, version);
        assertThat(service.client().registerModel(new ModelRegistration(type, version, a.uri(), a.sha256(),
                Map.of("epochs", "50"), Map.of("win_rate", winRate), null, null), "trainer", "nightly").getEventType())
                .isEqualTo(RegistryEventType.REGISTERED);
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET().build());
    }

    private Answer post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            body = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), body, response.body());
    }

    @Test
    void promoteRollbackArchiveAndTheirRefusals() throws Exception {
        start(TOKEN, 10_000);
        register("cnn", "20250120_140000", 58.5);
        register("cnn", "20250124_120000", 62.0);
        register("cnn", "20250125_080000", 51.0);

        Answer noToken = post("/api/models/cnn/20250120_140000/promote", null, "");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().get("message").asText()).isEqualTo("this call changes state: send 'Authorization: Bearer <token>'");
        assertThat(post("/api/models/cnn/20250120_140000/promote", "guess", "").status()).isEqualTo(401);
        assertThat(post("/api/models/cnn/rollback", null, "").status()).isEqualTo(401);
        assertThat(post("/api/models/cnn/20250125_080000/archive", "guess", "").status()).isEqualTo(401);
        assertThat(service.client().list("cnn")).allMatch(v -> v.status().label().equals("candidate"));

        Answer promoted = post("/api/models/cnn/20250120_140000/promote", TOKEN, "{\"actor\":\"alice\",\"reason\":\"first\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().get("event_type").asText()).isEqualTo("PROMOTED");
        assertThat(promoted.body().get("actor").asText()).isEqualTo("alice");
        assertThat(promoted.body().get("previous_version").isNull()).isTrue();
        Answer second = post("/api/models/cnn/20250124_120000/promote", TOKEN, "{\"reason\":\"sharpe 1.6\"}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("previous_version").asText()).isEqualTo("20250120_140000");
        assertThat(second.body().get("actor").asText()).isEqualTo("rest-api");

        Answer again = post("/api/models/cnn/20250120_140000/promote", TOKEN, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).isEqualTo("only a candidate can be promoted; cnn 20250120_140000 is archived");
        assertThat(again.body().get("details").get("event_type").asText()).isEqualTo("REJECTED");

        Answer archiveProduction = post("/api/models/cnn/20250124_120000/archive", TOKEN, "");
        assertThat(archiveProduction.status()).isEqualTo(409);
        assertThat(archiveProduction.body().get("message").asText()).startsWith("cnn 20250124_120000 is the production version");

        Answer back = post("/api/models/cnn/rollback", TOKEN, "{\"actor\":\"bob\",\"reason\":\"drawdown\"}");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().get("event_type").asText()).isEqualTo("ROLLED_BACK");
        assertThat(back.body().get("version").asText()).isEqualTo("20250120_140000");
        Answer toRules = post("/api/models/cnn/rollback", TOKEN, "");
        assertThat(toRules.status()).isEqualTo(200);
        assertThat(toRules.body().get("event_type").asText()).isEqualTo("ROLLED_BACK");
        assertThat(toRules.body().get("version").isNull()).isTrue();
        assertThat(toRules.body().get("previous_version").asText()).isEqualTo("20250120_140000");
        Answer nothing = post("/api/models/cnn/rollback", TOKEN, "");
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.body().get("message").asText()).isEqualTo("cnn has no production version to roll back from");
        assertThat(post("/api/models/cnn/20250125_080000/archive", TOKEN, "").status()).isEqualTo(200);

        Answer cnn = get("/api/models/cnn");
        assertThat(cnn.status()).isEqualTo(200);
        assertThat(cnn.body().get("production_version").isNull()).isTrue();
        assertThat(cnn.body().get("total").asInt()).isEqualTo(3);
        assertThat(cnn.body().get("archived").asInt()).isEqualTo(3);
        assertThat(cnn.body().get("versions")).hasSize(3);

        Answer history = get("/api/models/cnn/history");
        assertThat(history.body().get("history")).hasSize(3);
        JsonNode firstTenure = history.body().get("history").get(0);
        assertThat(firstTenure.get("version").asText()).isEqualTo("20250120_140000");
        assertThat(firstTenure.get("entered_actor").asText()).isEqualTo("alice");
        assertThat(firstTenure.get("entered_reason").asText()).isEqualTo("first");
        assertThat(firstTenure.get("left_how").asText()).isEqualTo("PROMOTED");
        assertThat(firstTenure.get("succeeded_by").asText()).isEqualTo("20250124_120000");
        JsonNode secondTenure = history.body().get("history").get(1);
        assertThat(secondTenure.get("left_actor").asText()).isEqualTo("bob");
        assertThat(secondTenure.get("left_reason").asText()).isEqualTo("drawdown");

        Answer version = get("/api/models/cnn/20250124_120000");
        assertThat(version.body().get("status").asText()).isEqualTo("archived");
        assertThat(version.body().get("metrics").get("win_rate").asDouble()).isEqualTo(62.0);
        assertThat(version.body().get("previous_version").asText()).isEqualTo("20250120_140000");

        Answer all = get("/api/models");
        assertThat(all.body().get("total_models").asInt()).isEqualTo(3);
        assertThat(all.body().get("by_type").get("lstm").get("total").asInt()).isZero();

        Answer metrics = get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("omega_registry_events_total{event_type=\"PROMOTED\"} 2.0");
        assertThat(metrics.text()).contains("omega_registry_events_total{event_type=\"REJECTED\"} 3.0");
        assertThat(metrics.text()).contains("omega_registry_events_total{event_type=\"ROLLED_BACK\"} 2.0");
        assertThat(metrics.text()).contains("omega_registry_models{model_type=\"cnn\",status=\"archived\"} 3.0");
        assertThat(metrics.text()).contains("omega_registry_models{model_type=\"cnn\",status=\"production\"} 0.0");
    }

    @Test
    void malformedInputGetsAFourHundredNamingWhatIsWrong() throws Exception {
        start(TOKEN, 10_000);
        Answer badVersion = post("/api/models/cnn/2025-01-24/promote", TOKEN, "");
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(badVersion.body().get("message").asText())
                .isEqualTo("version '2025-01-24' is not a version id: expected yyyyMMdd_HHmmss (UTC), like 20250124_120000");
        assertThat(get("/api/models/cnn/20251399_120000").status()).isEqualTo(400);

        Answer unknownType = post("/api/models/gru/rollback", TOKEN, "");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.body().get("message").asText()).isEqualTo("unknown model type 'gru' (known: cnn, lstm)");
        assertThat(get("/api/models/gru").status()).isEqualTo(404);
        assertThat(get("/api/models/gru/history").status()).isEqualTo(404);

        Answer unregistered = get("/api/models/cnn/20250124_120000");
        assertThat(unregistered.status()).isEqualTo(404);
        assertThat(unregistered.body().get("message").asText()).isEqualTo("cnn 20250124_120000 is not registered");

        Answer notJson = post("/api/models/cnn/rollback", TOKEN, "{nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("message").asText()).startsWith("the body is not valid JSON");
        assertThat(post("/api/models/cnn/rollback", TOKEN, "[1]").status()).isEqualTo(400);
        assertThat(post("/api/models/cnn/rollback", TOKEN, "{\"actor\": 5}").body().get("message").asText())
                .isEqualTo("'actor' must be a string");

        Answer noRoute = get("/api/nothing");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.body().get("message").asText()).isEqualTo("Endpoint GET /api/nothing not found");
        // None of these reached the event log.
        assertThat(service.client().state().eventsApplied()).isZero();

        Answer openApi = get("/api/openapi.json");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(openApi.body().get("paths").has("/api/models/{type}/{version}/promote")).isTrue();
    }

    @Test
    void withoutAConfiguredTokenEveryChangeIsRefused() throws Exception {
        start("", 10_000);
        Answer refused = post("/api/models/cnn/rollback", "", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("message").asText())
                .isEqualTo("changes are disabled: no admin token is configured (registry.admin_token)");
        assertThat(get("/api/models").status()).isEqualTo(200);
    }

    @Test
    void aCommandNobodyAnswersTimesOutWith504() throws Exception {
        start(TOKEN, 500);
        assertThat(get("/api/health").body().get("status").asText()).isEqualTo("UP");
        service.processor().close();
        Answer health = get("/api/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("processor").asText()).isEqualTo("stopped: closed");
        Answer timeout = post("/api/models/cnn/rollback", TOKEN, "");
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.body().get("message").asText()).contains("within 500 ms; is the registry service running?");
    }

    @Test
    void aRestartedServiceWithAFreshEmbeddedSchemaRegistryReadsItsOwnLog() throws Exception {
        start(TOKEN, 10_000);
        register("lstm", "20250124_120000", 60.0);
        assertThat(post("/api/models/lstm/20250124_120000/promote", TOKEN, "").status()).isEqualTo(200);
        service.close();
        service = null;

        start(TOKEN, 10_000);
        assertThat(service.client().state().eventsApplied()).isEqualTo(2);
        Answer lstm = get("/api/models/lstm");
        assertThat(lstm.body().get("production_version").asText()).isEqualTo("20250124_120000");
        assertThat(post("/api/models/lstm/20250124_120000/archive", TOKEN, "").status()).isEqualTo(409);
        assertThat(get("/api/health").body().get("events_applied").asInt()).isEqualTo(3);
    }

    @Test
    void aClientWithItsOwnEmbeddedSchemaRegistryGetsItsAnswers() {
        // As a separate CLI process would: the catalogue's topics, a schema-registry client of its own.
        topics = RegistryTopics.catalogue();
        OmegaConfig config = ConfigLoader.parse("kafka:\n  bootstrap_servers: \"" + bootstrap + "\"\n", Map.of());
        start(TOKEN, 10_000);
        TestArtifacts.Artifact a = new TestArtifacts(dataDir).write("cnn", "20250124_120000");
        try (RegistryClient cli = RegistryClient.start(config, new OmegaSerdes(config.schemaRegistry()), "cli",
                new SimpleMeterRegistry())) {
            assertThat(cli.registerModel(new ModelRegistration("cnn", "20250124_120000", a.uri(), a.sha256(), Map.of(),
                    Map.of("win_rate", 57.0), null, null), "trainer", "nightly").getEventType())
                    .isEqualTo(RegistryEventType.REGISTERED);
            assertThat(cli.promoteToProduction("cnn", "20250124_120000", "alice", "first").getEventType())
                    .isEqualTo(RegistryEventType.PROMOTED);
            assertThat(cli.getCurrentProductionModel("cnn").orElseThrow().version()).isEqualTo("20250124_120000");
            assertThat(cli.unreadableEvents()).isZero();
        }
        // The service's replica follows the log on a thread of its own: the CLI's answer does not wait for it.
        awaitApplied(service.client().state(), 2);
        assertThat(service.client().getCurrentProductionModel("cnn").orElseThrow().version()).isEqualTo("20250124_120000");
    }

    @Test
    void theServerBindsLoopbackByDefault() {
        RegistryService started = start(TOKEN, 10_000);
        assertThat(started.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(started.boundHost()).isEqualTo("127.0.0.1");
    }

    /** At least: the catalogue's topics may hold other tests' events too. */
    private static void awaitApplied(io.omega.registry.model.RegistryState state, long events) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (state.eventsApplied() < events && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        assertThat(state.eventsApplied()).as("events the replica applied").isGreaterThanOrEqualTo(events);
    }
}
