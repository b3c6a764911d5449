package io.omega.controller.promotion;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.id.EventIds;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionGateTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");
    private static final PromotionCriteria DEFAULTS = new PromotionCriteria(1.0, 55.0, 20.0, 30, 0.05, 0.05,
            0.05);

    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private TopologyTestDriver driver;
    private TestInputTopic<String, Evaluation> evaluations;
    private TestOutputTopic<String, ControllerEvent> events;
    private TestOutputTopic<String, RegistryCommand> commands;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void withManualApprovalAPassingCandidateWaitsAndNothingIsSentToTheRegistry() {
        start(new GateSettings(true, true, DEFAULTS));
        evaluations.pipeInput("cnn", evaluation("20250124_120000", "20250120_100000", good(), baseline(1.2), 0.002));

        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType).containsExactly(ControllerEventType.PROMOTION_PENDING);
        assertThat(fired.get(0).getVersion()).isEqualTo("20250124_120000");
        assertThat(fired.get(0).getReason()).endsWith("improvement test over production 20250120_100000: p=0.002 <= 0.05 "
                + "(mean per-bar return difference +0.0100 %); waiting for manual approval");
        assertThat(fired.get(0).getDetails()).containsEntry("baseline_version", "20250120_100000")
                .containsEntry("candidate.sharpe_ratio", "1.6").containsEntry("production.sharpe_ratio", "1.2")
                .containsEntry("champion_version", "20250120_100000").containsEntry("champion.sharpe_ratio", "1.2")
                .containsEntry("comparison.p_value", "0.002");
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void withoutManualApprovalACandidateThatBeatsTheRulesIsPromotedAtOnce() {
        start(new GateSettings(true, false, DEFAULTS));
        evaluations.pipeInput("cnn", evaluation("20250124_120000", null, good(), baseline(0.3), 0.01));

        List<RegistryCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getCommandType()).isEqualTo(RegistryCommandType.PROMOTE);
        assertThat(sent.get(0).getVersion()).isEqualTo("20250124_120000");
        assertThat(sent.get(0).getActor()).isEqualTo("controller");
        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType).containsExactly(ControllerEventType.PROMOTION_REQUESTED);
        assertThat(fired.get(0).getDetails()).containsEntry("command_id", sent.get(0).getId())
                .containsEntry("champion_version", "rules");
        assertThat(fired.get(0).getReason()).contains("improvement test over the rules: p=0.01 <= 0.05");
    }

    @Test
    void aFailingCandidateIsDeclinedWithEveryReasonAndItsFigure() {
        start(new GateSettings(true, false, DEFAULTS));
        Map<String, Double> weak = Map.of("total_trades", 20.0, "win_rate", 52.0, "sharpe_ratio", 1.25,
                "max_drawdown", 8.0, "edge_p_value", 0.39, "edge_trials", 17.0);
        evaluations.pipeInput("cnn", evaluation("20250124_120000", "20250120_100000", weak, baseline(1.2), 0.21));

        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType).containsExactly(ControllerEventType.PROMOTION_DECLINED);
        assertThat(fired.get(0).getReason()).isEqualTo("not promoted: win rate 52.00 % < 55.00 %; backtest trades 20 < 30; "
                + "edge test: p=0.39 > 0.05 over 17 trials; "
                + "Sharpe 1.25 does not improve on production 20250120_100000's 1.20 by the required 0.05 (needs >= 1.26); "
                + "improvement test over production 20250120_100000: p=0.21 > 0.05 (mean per-bar return difference "
                + "+0.0100 %)");
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void anEvaluationWithoutTheTestsIsDeclinedNotPromoted() {
        // as an evaluator older than the champion and the tests would publish it
        start(new GateSettings(true, false, DEFAULTS));
        evaluations.pipeInput("cnn", new Evaluation(EventIds.next(), T0, "cnn", "20250124_120000", null,
                EvaluationStatus.COMPLETED, T0.minusSeconds(86_400), T0,
                Map.of("total_trades", 42.0, "win_rate", 61.0, "sharpe_ratio", 1.6, "max_drawdown", 9.5), Map.of(),
                Recommendation.PROMOTE, null, null, null, Map.of(), Map.of()));
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getReason).containsExactly(
                "not promoted: edge test: the evaluation carries no edge_p_value and edge_trials; "
                        + "improvement test: the evaluation names no champion to compare with");
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void withSelfLearningOffAndForFailedEvaluationsNothingIsDecided() {
        start(new GateSettings(false, false, DEFAULTS));
        evaluations.pipeInput("cnn", evaluation("20250124_120000", null, good(), baseline(0.3), 0.01));
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();
        driver.close();

        start(new GateSettings(true, false, DEFAULTS));
        Evaluation failed = evaluation("20250124_130000", null, good(), baseline(0.3), 0.01);
        failed.setStatus(EvaluationStatus.FAILED);
        failed.setError("artifact checksum mismatch");
        evaluations.pipeInput("cnn", failed);
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();
    }

    private void start(GateSettings gate) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(PromotionGateTopology.build(gate, serdes), props, T0);
        var strings = Serdes.String();
        evaluations = driver.createInputTopic(Topics.EVALUATIONS.name(), strings.serializer(),
                serdes.valueSerializer(Evaluation.class));
        events = driver.createOutputTopic(Topics.CONTROLLER_EVENTS.name(), strings.deserializer(),
                serdes.valueDeserializer(ControllerEvent.class));
        commands = driver.createOutputTopic(Topics.REGISTRY_COMMANDS.name(), strings.deserializer(),
                serdes.valueDeserializer(RegistryCommand.class));
    }

    private static Map<String, Double> good() {
        return Map.of("total_trades", 42.0, "win_rate", 61.0, "sharpe_ratio", 1.6, "max_drawdown", 9.5,
                "edge_p_value", 0.004, "edge_trials", 3.0);
    }

    private static Map<String, Double> baseline(double sharpe) {
        return Map.of("total_trades", 40.0, "win_rate", 57.0, "sharpe_ratio", sharpe, "max_drawdown", 11.0);
    }

    /** The champion is {@code baseline}, or the rules (scored as {@code championMetrics}) when it is null. */
    private static Evaluation evaluation(String version, String baseline, Map<String, Double> metrics,
                                         Map<String, Double> championMetrics, double improvementP) {
        return new Evaluation(EventIds.next(), T0, "cnn", version, baseline, EvaluationStatus.COMPLETED,
                T0.minusSeconds(86_400), T0, metrics, baseline == null ? Map.of() : championMetrics,
                Recommendation.PROMOTE, null, null, baseline == null ? Champion.RULES : baseline, championMetrics,
                Map.of("p_value", improvementP, "mean_difference", 1.0e-4));
    }
}
