package io.omega.controller.retrain;

import io.omega.config.OmegaConfig;
import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.event.TrainingStatus;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainTopologyTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");

    private final OmegaSerdes serdes = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));
    private TopologyTestDriver driver;
    private TestInputTopic<String, Outcome> outcomes;
    private TestInputTopic<String, TrainingResult> results;
    private TestOutputTopic<String, TrainingRequest> requests;
    private TestOutputTopic<String, ControllerEvent> events;
    private int trades;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void declaresEveryRepartitionTopicItUses() {
        var described = io.omega.controller.streams.StreamsApp.repartitionTopics(
                RetrainTopology.build(settings(true, 10), serdes).describe());
        assertThat(described).containsExactlyElementsOf(
                RetrainTopology.REPARTITIONS.stream().map(r -> r.name() + "-repartition").toList());
    }

    @Test
    void theOutcomeThatReachesTheThresholdRequestsOneTrainingPerModelType() {
        start(settings(true, 3));
        outcomes(2);
        assertThat(requests.isEmpty()).isTrue();
        outcomes(1);

        List<TrainingRequest> asked = requests.readValuesToList();
        assertThat(asked).extracting(TrainingRequest::getModelType).containsExactly("cnn", "lstm");
        TrainingRequest cnn = asked.get(0);
        assertThat(cnn.getReason()).isEqualTo(TrainingReason.TRADE_COUNT);
        assertThat(cnn.getRequestedBy()).isEqualTo("controller");
        assertThat(cnn.getDaysBack()).isEqualTo(7);
        assertThat(cnn.getEpochs()).isEqualTo(50);
        assertThat(cnn.getBatchSize()).isEqualTo(32);
        assertThat(cnn.getWindowSize()).isEqualTo(50);
        assertThat(cnn.getPredictionHorizon()).isEqualTo(10);
        assertThat(cnn.getTargetType()).isEqualTo(TargetType.DIRECTION);
        // The training learns from what was logged up to the trade that made the count (its closing time), not up to
        // when its record happened to reach the controller.
        assertThat(cnn.getDataUpTo()).isEqualTo(T0.plusSeconds(180));
        assertThat(cnn.getEventTime()).isEqualTo(T0.plusSeconds(180 + PUBLICATION_LAG_SECONDS));
        List<ControllerEvent> triggered = events.readValuesToList();
        assertThat(triggered).extracting(ControllerEvent::getEventType)
                .containsExactly(ControllerEventType.RETRAIN_TRIGGERED, ControllerEventType.RETRAIN_TRIGGERED);
        assertThat(triggered.get(0).getReason())
                .isEqualTo("TRADE_COUNT: 3 outcomes since the last training request (threshold 3)");
        assertThat(triggered.get(0).getDetails()).containsEntry("request_id", cnn.getId());
    }

    @Test
    void neverTwoAtOnceForOneTypeUntilItsResultArrives() {
        start(settings(true, 3));
        outcomes(3);
        List<TrainingRequest> first = requests.readValuesToList();
        assertThat(first).hasSize(2);

        outcomes(7); // 7 more while both are training: no new request
        assertThat(requests.isEmpty()).isTrue();

        // cnn's training ends (failed, which ends it too); lstm's is still running.
        results.pipeInput("cnn", new TrainingResult(EventIds.next(), T0, first.get(0).getId(), "cnn",
                TrainingStatus.FAILED, null, Map.of(), "no data"));
        // A result for a request this controller did not make changes nothing.
        results.pipeInput("lstm", new TrainingResult(EventIds.next(), T0, "someone-else", "lstm",
                TrainingStatus.SUCCEEDED, "20250124_120000", Map.of(), null));
        outcomes(1);

        List<TrainingRequest> second = requests.readValuesToList();
        assertThat(second).extracting(TrainingRequest::getModelType).containsExactly("cnn");
        assertThat(events.readValuesToList()).filteredOn(e -> "cnn".equals(e.getModelType()))
                .last().extracting(ControllerEvent::getReason)
                .isEqualTo("TRADE_COUNT: 8 outcomes since the last training request (threshold 3)");
    }

    @Test
    void theScheduleAsksAfterTheIntervalOnlyWhenThereIsNewData() {
        start(settings(true, 1000));
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertThat(requests.isEmpty()).as("no outcome yet: nothing to learn from").isTrue();

        outcomes(5);
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        List<TrainingRequest> first = requests.readValuesToList();
        assertThat(first).extracting(TrainingRequest::getReason)
                .containsExactly(TrainingReason.SCHEDULE, TrainingReason.SCHEDULE);
        assertThat(first).extracting(TrainingRequest::getDataUpTo).containsOnlyNulls();
        results.pipeInput("cnn", new TrainingResult(EventIds.next(), T0, first.get(0).getId(), "cnn",
                TrainingStatus.SUCCEEDED, "20250124_120000", Map.of(), null));
        results.pipeInput("lstm", new TrainingResult(EventIds.next(), T0, first.get(1).getId(), "lstm",
                TrainingStatus.SUCCEEDED, "20250124_120001", Map.of(), null));

        outcomes(2);
        driver.advanceWallClockTime(Duration.ofHours(23));
        assertThat(requests.isEmpty()).as("the interval has not passed").isTrue();
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(requests.readValuesToList()).extracting(TrainingRequest::getModelType).containsExactly("cnn", "lstm");
    }

    @Test
    void withSelfLearningOffNothingIsRequested() {
        start(settings(false, 1));
        outcomes(10);
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(requests.isEmpty()).isTrue();
        assertThat(events.isEmpty()).isTrue();
    }

    private static RetrainSettings settings(boolean enabled, int minTrades) {
        return new RetrainSettings(enabled, minTrades, Duration.ofHours(24), Duration.ofMinutes(1),
                List.of("cnn", "lstm"), OmegaConfig.defaults().training());
    }

    private void start(RetrainSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retrain-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(RetrainTopology.build(settings, serdes), props, T0);
        var strings = Serdes.String();
        outcomes = driver.createInputTopic(Topics.OUTCOMES.name(), strings.serializer(),
                serdes.valueSerializer(Outcome.class));
        results = driver.createInputTopic(Topics.TRAINING_RESULTS.name(), strings.serializer(),
                serdes.valueSerializer(TrainingResult.class));
        requests = driver.createOutputTopic(Topics.TRAINING_REQUESTS.name(), strings.deserializer(),
                serdes.valueDeserializer(TrainingRequest.class));
        events = driver.createOutputTopic(Topics.CONTROLLER_EVENTS.name(), strings.deserializer(),
                serdes.valueDeserializer(ControllerEvent.class));
    }

    /** How much later than a trade's close its outcome's record is stamped (the producer stamps at sending). */
    private static final long PUBLICATION_LAG_SECONDS = 5;

    private void outcomes(int n) {
        for (int i = 0; i < n; i++) {
            trades++;
            Instant at = T0.plusSeconds(60L * trades);
            outcomes.pipeInput("BTC-USDT-SWAP", new Outcome(EventIds.next(), "t-" + trades, at, "BTC-USDT-SWAP",
                    42_000.0, 5.0, 0.1, 60_000L, ExitReason.TP, "cnn", "20250120_100000", false),
                    at.plusSeconds(PUBLICATION_LAG_SECONDS));
        }
    }
}
