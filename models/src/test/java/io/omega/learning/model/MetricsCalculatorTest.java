package io.omega.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

    @Test
    void macroAveragesOverClasses() {
        // actual:    1 1 1 1 0 0 0 0 0 0
        // predicted: 1 1 1 0 1 0 0 0 0 0   -> UP: tp 3, fp 1, fn 1; DOWN: tp 5, fp 1, fn 1
        int[] actual = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
        int[] predicted = {1, 1, 1, 0, 1, 0, 0, 0, 0, 0};
        ClassificationMetrics m = MetricsCalculator.fromClasses(predicted, actual, 2, 0.5, null);
        assertThat(m.samples()).isEqualTo(10);
        assertThat(m.accuracy()).isEqualTo(0.8);
        assertThat(m.precision()).isCloseTo((0.75 + 5.0 / 6) / 2, within(1e-12));
        assertThat(m.recall()).isCloseTo((0.75 + 5.0 / 6) / 2, within(1e-12));
        assertThat(m.f1()).isCloseTo((0.75 + 5.0 / 6) / 2, within(1e-12));
    }

    @Test
    void aModelThatAlwaysSaysOneClassScoresZeroForTheOther() {
        int[] actual = {1, 0, 1, 0};
        int[] predicted = {1, 1, 1, 1};
        ClassificationMetrics m = MetricsCalculator.fromClasses(predicted, actual, 2, 0, null);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.precision()).isEqualTo(0.25); // UP 0.5, DOWN 0 (never predicted)
        assertThat(m.recall()).isEqualTo(0.5);     // UP 1, DOWN 0
    }
}
