package io.omega.learning.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WalkForwardGuardTest {

    private static final DataWindow TRAINING = new DataWindow(Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-20T00:00:00Z"));

    @Test
    void evaluationStrictlyAfterTrainingIsAccepted() {
        assertThatCode(() -> WalkForwardGuard.requireAfterTraining(TRAINING,
                new DataWindow(Instant.parse("2025-01-20T00:01:00Z"), Instant.parse("2025-01-27T00:00:00Z"))))
                .doesNotThrowAnyException();
    }

    @Test
    void overlappingEvaluationIsRefusedWithBothRanges() {
        DataWindow eval = new DataWindow(Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-01-22T00:00:00Z"));
        assertThatThrownBy(() -> WalkForwardGuard.requireAfterTraining(TRAINING, eval))
                .isInstanceOf(WalkForwardViolationException.class)
                .hasMessage("evaluation window [2025-01-15T00:00:00Z .. 2025-01-22T00:00:00Z] is not strictly after"
                        + " the model's training data [2025-01-01T00:00:00Z .. 2025-01-20T00:00:00Z]: walk-forward"
                        + " evaluation needs data the model has not seen, starting after 2025-01-20T00:00:00Z");
    }

    @Test
    void evaluationStartingAtTheLastTrainingInstantOrBeforeTrainingIsRefused() {
        assertThatThrownBy(() -> WalkForwardGuard.requireAfterTraining(TRAINING,
                new DataWindow(TRAINING.to(), Instant.parse("2025-01-25T00:00:00Z"))))
                .isInstanceOf(WalkForwardViolationException.class);
        assertThatThrownBy(() -> WalkForwardGuard.requireAfterTraining(TRAINING,
                DataWindow.ofMillis(0, 1000))).isInstanceOf(WalkForwardViolationException.class);
    }

    @Test
    void windowOfBarsSpansTheirTimes() {
        Bars b = TestSeries.randomWalk(3, 0.001, 1);
        assertThat(DataWindow.of(b)).isEqualTo(DataWindow.ofMillis(TestSeries.START,
                TestSeries.START + 2 * TestSeries.MINUTE));
        assertThatThrownBy(() -> new DataWindow(Instant.ofEpochMilli(5), Instant.ofEpochMilli(4)))
                .hasMessageContaining("is before from");
    }
}
