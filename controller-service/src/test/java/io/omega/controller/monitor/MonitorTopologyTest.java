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
    private MonitorProgress progress;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** Ten trades a look, one look per horizon of ten: each test at 0.05 / 2 = 0.025. */
    private static final MonitorSettings TEN = settings(true);
    private static final String V1 = "20250120_100000";

    private static MonitorSettings settings(boolean rollback) {
        return new MonitorSettings(10, 10.0, 10, 0.05, 10, 1_000.0, rollback);
    }

    @Test
    void declaresEveryRepartitionTopicItUses() {
        var described = io.omega.controller.streams.StreamsApp.repartitionTopics(
                MonitorTopology.build(TEN, serdes).describe());
        assertThat(described).containsExactlyElementsOf(
                MonitorTopology.REPARTITIONS.stream().map(r -> r.name() + "-repartition").toList());
    }

    @Test
    void noVerdictBeforeTheMinimumTradesAndARollbackAtTheFirstLookThatFails() {
        start(TEN);
        production("cnn", V1, 60.0);

        trades("cnn", V1, 9, false);
        assertThat(events.isEmpty()).as("9 of the 10 trades before the first look decide nothing").isTrue();
        assertThat(commands.isEmpty()).isTrue();

        Outcome tenth = trade("cnn", V1, false);

        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        ControllerEvent degradation = fired.get(0);
        assertThat(degradation.getModelType()).isEqualTo("cnn");
        assertThat(degradation.getVersion()).isEqualTo(V1);
        assertThat(degradation.getDetails()).containsEntry("live_win_rate", "0.00")
                .containsEntry("evaluated_win_rate", "60.00").containsEntry("window_trades", "10")
                .containsEntry("window_wins", "0").containsEntry("stint_trades", "10")
                .containsEntry("live_return_pct", "-0.2100").containsEntry("evaluated_return_pct", "0.1000")
                .containsEntry("win_rate_p_value", "0.000977").containsEntry("alpha_per_test", "0.0250")
                .containsEntry("last_trade_id", tenth.getTradeId());
        assertThat(degradation.getReason())
                .startsWith("live return -0.2100 % per trade over the last 10 trades against the backtest's 0.1000 %")
                .contains("; live win rate 0.00 over the last 10 trades against the evaluated 60.00 less 10.00 points "
                        + "(p 0.000977); each test at 0.0250");
        List<RegistryCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getCommandType()).isEqualTo(RegistryCommandType.ROLLBACK);
        assertThat(sent.get(0).getModelType()).isEqualTo("cnn");
        assertThat(sent.get(0).getVersion()).isNull();
        assertThat(sent.get(0).getActor()).isEqualTo("controller");
        assertThat(fired.get(1).getDetails()).containsEntry("command_id", sent.get(0).getId());
    }

    @Test
    void backfilledOutcomesAreNoPartOfAProductionModelsLiveRecord() {
        start(TEN);
        production("cnn", V1, 60.0);

        for (int i = 0; i < 30; i++) {
            trade("cnn", V1, false, true);
        }
        assertThat(events.isEmpty()).as("30 backfilled losses are not live trades").isTrue();
        trades("cnn", V1, 9, false);
        assertThat(events.isEmpty()).as("9 live trades, still before the first look").isTrue();

        trade("cnn", V1, false);
        assertThat(events.readValuesToList()).first().satisfies(e -> assertThat(e.getDetails())
                .containsEntry("stint_trades", "10").containsEntry("window_trades", "10"));
    }

    @Test
    void aShortfallWithinNoiseIsNotADegradation() {
        start(TEN);
        production("cnn", V1, 60.0);
        // 4 wins of 10 (60 % evaluated) and a mean of -0.01 % against +0.10 %: both within what 10 trades can show.
        pattern("cnn", V1, "WLWLWLWLLL");
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void oneDegradationGivesOneRollbackUntilALookPassesAndAnotherFails() {
        start(TEN);
        production("lstm", "20250121_090000", 75.0);

        trades("lstm", "20250121_090000", 10, false);       // first look: degraded
        assertThat(commands.readValuesToList()).hasSize(1);
        trades("lstm", "20250121_090000", 10, false);       // still degraded: nothing new
        assertThat(commands.isEmpty()).isTrue();
        trades("lstm", "20250121_090000", 10, true);        // the look at 30 passes: nothing to report
        assertThat(commands.isEmpty()).isTrue();
        events.readValuesToList();
        trades("lstm", "20250121_090000", 10, false);       // degraded again: a new report
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void onlyProductionIsWatchedAndOnlyWhenItsEvaluationIsKnown() {
        start(TEN);
        production("cnn", V1, 60.0);
        evaluation("cnn", "20250122_100000", 70.0); // a candidate, evaluated, not in production
        registryEvent(RegistryEventType.PROMOTED, "lstm", "20250121_090000"); // production without evaluation

        trades("cnn", "20250122_100000", 10, false);
        trades("lstm", "20250121_090000", 10, false);
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();

        // Rolled back: the restored version is production now; the old one's losses no longer matter.
        registryEvent(RegistryEventType.ROLLED_BACK, "cnn", "20250118_100000");
        trades("cnn", V1, 10, false);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void theStintRestartsWheneverTheVersionEntersProduction() {
        start(TEN);
        production("cnn", V1, 60.0);
        trades("cnn", V1, 9, false);

        // Another version in production, then V1 back by a rollback: V1's 9 earlier losses no longer count.
        production("cnn", "20250122_100000", 60.0);
        trades("cnn", "20250122_100000", 9, false);
        registryEvent(RegistryEventType.ROLLED_BACK, "cnn", V1);
        trades("cnn", V1, 9, false);
        assertThat(events.isEmpty()).as("no stint has reached its first look").isTrue();
        assertThat(commands.isEmpty()).isTrue();

        trade("cnn", V1, false);
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void aRollbackToNoProductionModelEndsTheWatch() {
        start(TEN);
        production("cnn", V1, 75.0);
        trades("cnn", V1, 10, false);
        assertThat(commands.readValuesToList()).hasSize(1);
        events.readValuesToList();

        // The first production version had no predecessor: the registry leaves no production model.
        registryEvent(RegistryEventType.ROLLED_BACK, "cnn", null);
        trades("cnn", V1, 20, false); // trades still closing on the old version
        assertThat(events.isEmpty()).isTrue();
        assertThat(commands.isEmpty()).isTrue();

        production("cnn", "20250125_100000", 75.0);
        trades("cnn", "20250125_100000", 10, false);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void progressCountsEveryOutcomeReadAndEveryRollbackAskedFor() {
        start(TEN);
        production("cnn", V1, 75.0);
        trades("cnn", "20250122_100000", 4, false);  // not production's: read, not judged
        trade("cnn", V1, false, true);                // backfilled: read, not judged
        assertThat(progress.outcomesRead()).isEqualTo(5);
        assertThat(progress.rollbacksRequested()).isZero();

        trades("cnn", V1, 10, false);
        assertThat(progress.outcomesRead()).isEqualTo(15);
        assertThat(progress.rollbacksRequested()).isEqualTo(1);
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void withSelfLearningOffADegradationIsReportedButNothingIsRolledBack() {
        start(settings(false));
        production("cnn", V1, 60.0);
        trades("cnn", V1, 10, false);
        assertThat(events.readValuesToList()).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED);
        assertThat(commands.isEmpty()).isTrue();
        assertThat(progress.rollbacksRequested()).isZero();
    }

    @Test
    void aFailedEvaluationDoesNotBecomeTheBaseline() {
        start(TEN);
        production("cnn", V1, 60.0);
        evaluations.pipeInput("cnn", new Evaluation(EventIds.next(), T0, "cnn", V1, null,
                EvaluationStatus.FAILED, null, null, Map.of("win_rate", 5.0), Map.of(), null, null, "bad checksum",
                null, Map.of(), Map.of()));
        trades("cnn", V1, 10, false);
        List<ControllerEvent> fired = events.readValuesToList();
        assertThat(fired).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.DEGRADATION_DETECTED, ControllerEventType.ROLLBACK_REQUESTED);
        assertThat(fired.get(0).getDetails()).containsEntry("evaluated_win_rate", "60.00");
    }

    private void start(MonitorSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        progress = new MonitorProgress();
        driver = new TopologyTestDriver(MonitorTopology.build(settings, serdes, progress), props, T0);
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

    /** A backtest of 200 trades earning 1.0 a trade: 0.1 % of the 1,000 notional. */
    private void evaluation(String type, String version, double winRate) {
        evaluations.pipeInput(type, new Evaluation(EventIds.next(), T0, type, version, null, EvaluationStatus.COMPLETED,
                null, null, Map.of("win_rate", winRate, "sharpe_ratio", 1.4, "avg_profit", 1.0, "total_trades", 200.0),
                Map.of(), null, null, null, null, Map.of(), Map.of()));
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
        return trade(type, version, win, false);
    }

    private Outcome trade(String type, String version, boolean win, boolean backfilled) {
        trades++;
        Instant at = T0.plusSeconds(60L * trades);
        // Returns vary a little from trade to trade, as real ones do: the t statistic needs a spread.
        double pnlPct = (win ? 0.3 : -0.2) - 0.01 * (trades % 3);
        Outcome outcome = new Outcome(EventIds.next(), "trade-" + trades, at, "BTC-USDT-SWAP", 42_000.0,
                pnlPct * 10, pnlPct, 60_000L, win ? ExitReason.TP : ExitReason.SL, type, version, backfilled);
        outcomes.pipeInput("BTC-USDT-SWAP", outcome, at);
        return outcome;
    }
}
