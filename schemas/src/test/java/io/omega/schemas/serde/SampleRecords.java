package io.omega.schemas.serde;

import io.omega.schemas.event.ControllerEvent;
import io.omega.schemas.event.ControllerEventType;
import io.omega.schemas.event.Decision;
import io.omega.schemas.event.Direction;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Execution;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.RegistryCommandType;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TradeMode;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.event.TrainingStatus;
import io.omega.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated record of every type, every optional field set, with the topic it belongs on. */
public final class SampleRecords {

    public record Sample(String topic, SpecificRecord record) {
        @Override
        public String toString() {
            return record.getClass().getSimpleName();
        }
    }

    private static final Instant T = Instant.parse("2025-01-24T12:00:00.123Z");

    private SampleRecords() {
    }

    public static List<Sample> all() {
        return List.of(
                new Sample(Topics.DECISIONS.name(), new Decision("d-1", T, "BTC-USDT-SWAP", 42_000.5,
                        Map.of("rsi", 55.5, "close", 42_000.5), Direction.SHORT, 0.61,
                        Map.of("LONG", 0.2, "SHORT", 0.61, "FLAT", 0.19), "cnn", "20250124_120000", true, false)),
                new Sample(Topics.EXECUTIONS.name(), new Execution("e-1", "t-1", "d-1", T, "BTC-USDT-SWAP",
                        Direction.LONG, 42_010.0, 0.25, 41_590.0, 42_850.0, 5.25, 1.05, "lstm", "20250124_120001",
                        TradeMode.LIVE, false)),
                new Sample(Topics.OUTCOMES.name(), new Outcome("o-1", "t-1", T, "BTC-USDT-SWAP", 42_850.0, 204.7,
                        1.95, 180_000L, ExitReason.TP, "lstm", "20250124_120001", false)),
                new Sample(Topics.TRAINING_REQUESTS.name(), new TrainingRequest("r-1", T, "cnn", 7, 50, 32, 50, 10,
                        TargetType.RETURN, TrainingReason.TRADE_COUNT, "controller", T)),
                new Sample(Topics.TRAINING_RESULTS.name(), new TrainingResult("tr-1", T, "r-1", "cnn",
                        TrainingStatus.FAILED, "20250124_130000", Map.of("accuracy", 0.58, "f1", 0.55),
                        "too little data: 120 windows, 500 needed")),
                new Sample(Topics.REGISTRY_COMMANDS.name(), new RegistryCommand("c-1", T, RegistryCommandType.REGISTER,
                        "cnn", "20250124_130000", "file:///data/models/cnn/cnn_20250124_130000.zip", "ab".repeat(32),
                        Map.of("epochs", "50"), Map.of("accuracy", 0.58), T.minusSeconds(86_400), T, "trainer",
                        "scheduled")),
                new Sample(Topics.REGISTRY_EVENTS.name(), new RegistryEvent("ev-1", T, "c-1",
                        RegistryEventType.PROMOTED, "cnn", "20250124_130000", "20250120_140000", "manual approval",
                        "alice", "file:///data/models/cnn/cnn_20250124_130000.zip", "cd".repeat(32),
                        Map.of("window_size", "50"), Map.of("f1", 0.55), T.minusSeconds(86_400), T)),
                new Sample(Topics.EVALUATIONS.name(), new Evaluation("ev-2", T, "cnn", "20250124_130000",
                        "20250120_140000", EvaluationStatus.COMPLETED, T.minusSeconds(3600), T,
                        Map.of("win_rate", 58.5, "sharpe_ratio", 1.3), Map.of("win_rate", 52.0),
                        Recommendation.MONITOR, "file:///data/reports/evaluation_cnn_20250124_130000.json",
                        "none", "rules", Map.of("sharpe_ratio", 0.4), Map.of("p_value", 0.01))),
                new Sample(Topics.CONTROLLER_EVENTS.name(), new ControllerEvent("ce-1", T,
                        ControllerEventType.DEGRADATION_DETECTED, "cnn", "20250124_130000",
                        "live win rate 41.0 is 17.5 points below evaluated 58.5", Map.of("window", "50"))));
    }
}
