package io.omega.controller.monitor;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
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

class MonitorTopologyTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");

    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private TopologyTestDriver driver;
    private TestInputTopic<String, Outcome> outcomes;
    private TestInputTopic<String, RegistryEvent> registry;
    private TestInputTopic<String, Evaluation> evaluations;
    private TestOutputTopic<String, ControllerEvent> events;
    private TestOutputTopic<String, RegistryCommand> commands;
    private int trades;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void rollbackFiresAtExactlyTheTradeThatFillsTheWindowBelowTheLine() {
        start(new MonitorSettings(10, 10.0, true));
        production("cnn", "20250120_100000", 60.0);

        trades("cnn", "20250120_100000", 9, false);
        assertThat(events.isEmpty()).as("a window of 9 of 10 trades decides nothing").isTrue();
        assertThat(commands.isEmpty()).isTrue();

        Outcome tenth = trade("cnn", "20250120_100000", false);

        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        ControllerEvent degradation = fired.get(0);
        assertThat(degradation.getModelType()).isEqualTo("cnn");
        assertThat(degradation.getVersion()).isEqualTo("20250120_100000");
        assertThat(degradation.getDetails()).containsEntry("live_win_rate", "0.00")
                .containsEntry("evaluated_win_rate", "60.00").containsEntry("window_trades", "10")
                .containsEntry("window_wins", "0").containsEntry("last_trade_id", tenth.getTradeId());
        assertThat(degradation.getReason()).isEqualTo("live win rate 0.00 over the last 10 trades is 60.00 points "
                + "below the evaluated 60.00 (threshold 10.00)");
        List<RegistryCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getCommandType()).isEqualTo(RegistryCommandType.ROLLBACK);
        assertThat(sent.get(0).getModelType()).isEqualTo("cnn");
        assertThat(sent.get(0).getVersion()).isNull();
        assertThat(sent.get(0).getActor()).isEqualTo("controller");
        assertThat(fired.get(1).getDetails()).containsEntry("command_id", sent.get(0).getId());
    }

    @Test
    void aDropOfExactlyTheThresholdIsADegradationAndOneTradeLessIsNot() {
        start(new MonitorSettings(10, 10.0, true));
        production("cnn", "20250120_100000", 60.0);

        // 6 wins of 10: 60 %, no drop.
        pattern("cnn", "20250120_100000", "WWWWWWLLLL");
        assertThat(events.isEmpty()).isTrue();
        // The oldest win leaves: 5 of 10, 50 %, exactly 10 points below.
        trade("cnn", "20250120_100000", false);
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void oneDegradationGivesOneRollbackUntilTheWinRateRecoversAndFallsAgain() {
        start(new MonitorSettings(4, 20.0, true));
        production("lstm", "20250121_090000", 75.0);

        pattern("lstm", "20250121_090000", "LLLL");         // 0 %: degraded
        assertThat(commands.readValuesToList()).hasSize(1);
        pattern("lstm", "20250121_090000", "LLLL");         // still degraded: nothing new
        assertThat(commands.isEmpty()).isTrue();
        pattern("lstm", "20250121_090000", "WWWW");         // 100 %: recovered, nothing to report
        assertThat(commands.isEmpty()).isTrue();
        events.readValuesToList();
        pattern("lstm", "20250121_090000", "LL");           // 50 %: 25 points below 75: a new degradation
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void onlyProductionIsWatchedAndOnlyWhenItsEvaluatedWinRateIsKnown() {
        start(new MonitorSettings(5, 10.0, true));
        production("cnn", "20250120_100000", 60.0);
        evaluation("cnn", "20250122_100000", 70.0); // a candidate, evaluated, not in production
        registryEvent(RegistryEventType.PROMOTED, "lstm", "20250121_090000"); // production without evaluation

        trades("cnn", "20250122_100000", 5, false);
        trades("lstm", "20250121_090000", 5, false);
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();

        // Rolled back: the restored version is production now; the old one's losses no longer matter.
        registryEvent(RegistryEventType.ROLLED_BACK, "cnn", "20250118_100000");
        trades("cnn", "20250120_100000", 5, false);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void aRollbackToNoProductionModelEndsTheWatch() {
        start(new MonitorSettings(4, 20.0, true));
        production("cnn", "20250120_100000", 75.0);
        pattern("cnn", "20250120_100000", "LLLL");
        assertThat(commands.readValuesToList()).hasSize(1);
        events.readValuesToList();

        // The first production version had no predecessor: the registry leaves no production model.
        registryEvent(RegistryEventType.ROLLED_BACK, "cnn", null);
        pattern("cnn", "20250120_100000", "LLLLLLLL"); // trades still closing on the old version
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();

        production("cnn", "20250125_100000", 75.0);
        pattern("cnn", "20250125_100000", "LLLL");
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void withSelfLearningOffADegradationIsReportedButNothingIsRolledBack() {
        start(new MonitorSettings(3, 10.0, false));
        production("cnn", "20250120_100000", 60.0);
        trades("cnn", "20250120_100000", 3, false);
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED);
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void aFailedEvaluationDoesNotBecomeTheBaseline() {
        start(new MonitorSettings(2, 10.0, true));
        production("cnn", "20250120_100000", 60.0);
        evaluations.pipeInput("cnn", new Evaluation(EventIds.next(), T0, "cnn", "20250120_100000", null,
                EvaluationStatus.FAILED, null, null, Map.of("win_rate", 5.0), Map.of(), null, null, "bad checksum", null, Map.of(), Map.of()));
        trades("cnn", "20250120_100000", 2, false);
        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(fired.get(0).getDetails()).containsEntry("evaluated_win_rate", "60.00");
    }

    private void start(MonitorSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(MonitorTopology.build(settings, serdes), props, T0);
        var strings = Serdes.String();
        outcomes = driver.createInputTopic(Topics.OUTCOMES.name(), strings.serializer(),
                serdes.valueSerializer(Outcome.class));
        registry = driver.createInputTopic(Topics.REGISTRY_EVENTS.name(), strings.serializer(),
                serdes.valueSerializer(RegistryEvent.class));
        evaluations = driver.createInputTopic(Topics.EVALUATIONS.name(), strings.serializer(),
                serdes.valueSerializer(Evaluation.class));
        events = driver.createOutputTopic(Topics.CONTROLLER_EVENTS.name(), strings.deserializer(),
                serdes.valueDeserializer(ControllerEvent.class));
        commands = driver.createOutputTopic(Topics.REGISTRY_COMMANDS.name(), strings.deserializer(),
                serdes.valueDeserializer(RegistryCommand.class));
    }

    private void production(String type, String version, double evaluatedWinRate) {
        evaluation(type, version, evaluatedWinRate);
        registryEvent(RegistryEventType.PROMOTED, type, version);
    }

    private void evaluation(String type, String version, double winRate) {
        evaluations.pipeInput(type, new Evaluation(EventIds.next(), T0, type, version, null, EvaluationStatus.COMPLETED,
                null, null, Map.of("win_rate", winRate, "sharpe_ratio", 1.4), Map.of(), null, null, null, null, Map.of(), Map.of()));
    }

    private void registryEvent(RegistryEventType type, String modelType, String version) {
        registry.pipeInput(modelType, new RegistryEvent(EventIds.next(), T0, "cmd-" + EventIds.next(), type, modelType,
                version, null, null, "test", null, null, Map.of(), Map.of(), null, null));
    }

    private void pattern(String type, String version, String winsAndLosses) {
        for (char c : winsAndLosses.toCharArray()) {
            trade(type, version, c == 'W');
        }
    }

    private void trades(String type, String version, int n, boolean win) {
        for (int i = 0; i < n; i++) {
            trade(type, version, win);
        }
    }

    private Outcome trade(String type, String version, boolean win) {
        trades++;
        Instant at = T0.plusSeconds(60L * trades);
        Outcome outcome = new Outcome(EventIds.next(), "trade-" + trades, at, "BTC-USDT-SWAP", 42_000.0,
                win ? 12.5 : -8.0, win ? 0.3 : -0.2, 60_000L, win ? ExitReason.TP : ExitReason.SL, type, version);
        outcomes.pipeInput("BTC-USDT-SWAP", outcome, at);
        return outcome;
    }
}
