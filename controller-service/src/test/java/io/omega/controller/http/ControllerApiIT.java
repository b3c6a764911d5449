package io.omega.controller.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import io.omega.controller.ControllerService;
import io.omega.controller.SharedSerdes;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.topic.TopicInstaller;
import io.omega.schemas.topic.Topics;
import io.omega.testing.kafka.CommittedRecords;
import io.omega.testing.kafka.KafkaBrokerExtension;
import io.omega.testing.kafka.KafkaTestBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The status API and the approval gate over HTTP, on the real broker, from an evaluation to the PROMOTE command. */
@ExtendWith(KafkaBrokerExtension.class)
class ControllerApiIT {

    private static final String TOKEN = "approve-token";
    private static final String CANDIDATE = "20250124_150000";
    private static final String PRODUCTION = "20250120_100000";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPendingPromotionIsShownApprovedWithTheTokenAndSentToTheRegistry(KafkaTestBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicInstaller(admin, 3, (short) 1, Duration.ofSeconds(30)).install(Topics.all());
        }
        OmegaConfig config = ConfigLoader.parse("""
                self_learning:
                  enable_self_learning: true
                  manual_approval_required: true
                  promotion_significance: 0.01
                  improvement_significance: 0.1
                  monitor_min_trades: 40
                  rollback_false_alarm_rate: 0.02
                  monitor_horizon_trades: 1000
                kafka:
                  bootstrap_servers: "%s"
                  client_id_prefix: "api-%s"
                storage:
                  data_dir: "%s"
                dashboard:
                  port: 0
                  admin_token: "%s"
                """.formatted(bootstrap, UUID.randomUUID().toString().substring(0, 8), dataDir, TOKEN), Map.of());
        send(bootstrap, Topics.REGISTRY_EVENTS.name(), new RegistryEvent(EventIds.next(), Instant.now(), "c-1",
                RegistryEventType.REGISTERED, "lstm", CANDIDATE, null, null, "trainer-worker", "models/x.zip",
                "ab".repeat(32), Map.of(), Map.of("val_accuracy", 0.57), null, null));

        // production's live trades, and a shadow model deciding beside it
        send(bootstrap, Topics.REGISTRY_EVENTS.name(), new RegistryEvent(EventIds.next(), Instant.now(), "c-0",
                RegistryEventType.REGISTERED, "lstm", PRODUCTION, null, null, "trainer-worker", "models/p.zip",
                "cd".repeat(32), Map.of(), Map.of(), null, null));
        send(bootstrap, Topics.REGISTRY_EVENTS.name(), new RegistryEvent(EventIds.next(), Instant.now(), "c-p",
                RegistryEventType.PROMOTED, "lstm", PRODUCTION, null, null, "it", null, null, Map.of(), Map.of(), null,
                null));
        Instant t0 = Instant.parse("2025-01-24T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            send(bootstrap, Topics.OUTCOMES.name(), new Outcome(EventIds.next(), "t-" + i, t0.plusSeconds(60L * i),
                    "BTC-USDT-SWAP", 42_000.0, i < 2 ? 5.0 : -4.0, 0.1, 60_000L, ExitReason.TP, "lstm", PRODUCTION, false));
        }
        for (int i = 0; i < 5; i++) {
            for (boolean shadow : new boolean[] {false, true}) {
                send(bootstrap, Topics.DECISIONS.name(), new Decision(EventIds.next(), t0.plusSeconds(60L * i),
                        "BTC-USDT-SWAP", 42_000.0 + 10 * i, Map.of("rsi", 50.0), Direction.LONG, 0.8,
                        Map.of("LONG", 0.8, "SHORT", 0.1, "FLAT", 0.1), "lstm", shadow ? CANDIDATE : PRODUCTION, shadow, false));
            }
        }

        try (ControllerService controller = new ControllerService(config, SharedSerdes.SERDES, dataDir.resolve("state"))) {
            controller.start();
            await(controller::isRunning);
            send(bootstrap, Topics.EVALUATIONS.name(), new Evaluation(EventIds.next(), Instant.now(), "lstm", CANDIDATE,
                    null, EvaluationStatus.COMPLETED, null, null,
                    Map.of("edge_p_value", 0.001, "edge_trials", 3.0, "total_trades", 44.0, "win_rate", 61.0, "sharpe_ratio", 1.7, "max_drawdown", 7.0,
                            "profit_factor", Double.POSITIVE_INFINITY), Map.of(), Recommendation.PROMOTE, null, null, "rules", Map.of("sharpe_ratio", 0.2), Map.of("p_value", 0.001, "mean_difference", 1.0e-4)));
            await(() -> controller.view().pending("lstm", CANDIDATE).isPresent() && controller.viewCaughtUp());

            JsonNode status = get(controller.url() + "/api/ai/learning_status");
            assertThat(status.get("enabled").asBoolean()).isTrue();
            assertThat(status.get("shadow_mode").asBoolean()).isFalse();
            assertThat(status.get("config")).isEqualTo(json.readTree("""
                    {"min_trades_before_retrain": 100, "retrain_interval_hours": 24,
                     "min_eval_sharpe_for_promotion": 1.0, "min_eval_winrate_for_promotion": 55.0,
                     "max_allowed_drawdown_for_candidate": 20.0, "min_improvement_over_production": 0.05,
                     "manual_approval_required": true, "allow_auto_rollback": true,
                     "performance_monitor_window_trades": 50, "rollback_threshold_winrate_drop": 10.0,
                     "monitor_min_trades": 40, "rollback_false_alarm_rate": 0.02, "monitor_horizon_trades": 1000,
                     "promotion_significance": 0.01, "improvement_significance": 0.1}"""));
            assertThat(status.at("/data/total_logged_trades").isNumber()).isTrue();
            assertThat(status.at("/registry/by_type/lstm/candidate").asInt()).isEqualTo(1);
            assertThat(status.at("/best_candidates/lstm/version").asText()).isEqualTo(CANDIDATE);
            assertThat(status.at("/best_candidates/lstm/metrics/win_rate").asDouble()).isEqualTo(61.0);
            assertThat(status.at("/best_candidates/lstm/metrics/profit_factor").asText()).isEqualTo("inf");
            assertThat(status.at("/pending_approvals/0/version").asText()).isEqualTo(CANDIDATE);
            assertThat(status.get("recent_events").toString()).contains("PROMOTION_PENDING");
            assertThat(status.at("/data/total_logged_trades").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(status.at("/production_models/lstm/version").asText()).isEqualTo(PRODUCTION);
            JsonNode winRate = status.at("/production_rolling_win_rate/lstm");
            assertThat(winRate.size()).isEqualTo(3);
            assertThat(winRate.get(2).get("win_rate").asDouble()).isEqualTo(200.0 / 3);
            assertThat(winRate.get(2).get("trades").asInt()).isEqualTo(3);
            JsonNode shadow = status.get("shadow");
            assertThat(shadow.size()).isEqualTo(1);
            assertThat(shadow.at("/0/version").asText()).isEqualTo(CANDIDATE);
            assertThat(shadow.at("/0/bars").asInt()).isEqualTo(5);
            assertThat(shadow.at("/0/shadow/total_trades").isNumber()).isTrue();
            assertThat(shadow.at("/0/shadow_equity").size()).isEqualTo(5);

            String approve = controller.url() + "/api/ai/approvals/lstm/" + CANDIDATE + "/approve";
            assertThat(post(approve, null).statusCode()).isEqualTo(401);
            assertThat(post(approve, "wrong").statusCode()).isEqualTo(401);
            assertThat(post(controller.url() + "/api/ai/approvals/xgb/" + CANDIDATE + "/approve", TOKEN).statusCode())
                    .isEqualTo(404);
            HttpResponse<String> badVersion = post(controller.url() + "/api/ai/approvals/lstm/latest/approve", TOKEN);
            assertThat(badVersion.statusCode()).isEqualTo(400);
            assertThat(badVersion.body()).contains("version must look like 20250124_120000, got 'latest'");
            assertThat(post(controller.url() + "/api/ai/approvals/lstm/20250101_000000/approve", TOKEN).statusCode())
                    .isEqualTo(404);

            HttpResponse<String> approved = post(approve, TOKEN);
            assertThat(approved.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(approved.body());
            assertThat(body.get("event").asText()).isEqualTo("APPROVED");
            String commandId = body.get("command_id").asText();
            assertThat(post(approve, TOKEN).statusCode()).as("answered already").isEqualTo(404);

            var decode = SharedSerdes.SERDES.valueDeserializer(SpecificRecord.class);
            var commands = CommittedRecords.read(bootstrap, Topics.REGISTRY_COMMANDS.name(),
                    r -> decode.deserialize(r.topic(), r.value()) instanceof RegistryCommand c && c.getId().equals(commandId),
                    1, Duration.ofSeconds(1));
            assertThat(commands).hasSize(1);
            RegistryCommand promote = (RegistryCommand) decode.deserialize(commands.get(0).topic(), commands.get(0).value());
            assertThat(promote.getCommandType()).isEqualTo(RegistryCommandType.PROMOTE);
            assertThat(promote.getVersion()).isEqualTo(CANDIDATE);
            assertThat(promote.getActor()).isEqualTo("operator");
            var events = CommittedRecords.read(bootstrap, Topics.CONTROLLER_EVENTS.name(),
                    r -> decode.deserialize(r.topic(), r.value()) instanceof ControllerEvent e
                            && CANDIDATE.equals(e.getVersion()), 2, Duration.ofSeconds(1));
            assertThat(events).extracting(r -> ((ControllerEvent) decode.deserialize(r.topic(), r.value())).getEventType())
                    .containsExactly(ControllerEventType.PROMOTION_PENDING, ControllerEventType.APPROVED);
            assertThat(get(controller.url() + "/api/ai/learning_status").get("pending_approvals")).isEmpty();

            // trigger_rollback by hand: ROLLBACK_REQUESTED and the ROLLBACK command, token required
            String rollback = controller.url() + "/api/ai/rollback/lstm";
            assertThat(post(rollback, null).statusCode()).isEqualTo(401);
            HttpResponse<String> rolled = post(rollback, TOKEN);
            assertThat(rolled.statusCode()).isEqualTo(200);
            String rollbackId = json.readTree(rolled.body()).get("command_id").asText();
            var rollbacks = CommittedRecords.read(bootstrap, Topics.REGISTRY_COMMANDS.name(),
                    r -> decode.deserialize(r.topic(), r.value()) instanceof RegistryCommand c && c.getId().equals(rollbackId),
                    1, Duration.ofSeconds(1));
            RegistryCommand command = (RegistryCommand) decode.deserialize(rollbacks.get(0).topic(), rollbacks.get(0).value());
            assertThat(command.getCommandType()).isEqualTo(RegistryCommandType.ROLLBACK);
            assertThat(command.getModelType()).isEqualTo("lstm");
            assertThat(command.getReason()).isEqualTo("manual rollback by operator");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(controller.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("<title>OMEGA self-learning</title>");
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(String bootstrap, String topic, SpecificRecord value) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                SharedSerdes.SERDES.valueSerializer(SpecificRecord.class))) {
            producer.send(new ProducerRecord<>(topic, "lstm", value)).get();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
