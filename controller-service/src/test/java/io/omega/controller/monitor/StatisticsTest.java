package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The two distributions the monitor's tests rest on, against exact values (computed with SciPy). */
class StatisticsTest {

    @Test
    void binomialLowerTailIsExact() {
        assertThat(BinomialTail.atMost(0, 10, 0.5)).isCloseTo(1 / 1024.0, within(1e-15));
        assertThat(BinomialTail.atMost(1, 10, 0.5)).isCloseTo(11 / 1024.0, within(1e-15));
        assertThat(BinomialTail.atMost(2, 10, 0.5)).isCloseTo(56 / 1024.0, within(1e-15));
        assertThat(BinomialTail.atMost(30, 100, 0.45)).isCloseTo(0.0015358197481955738, within(1e-13));
        assertThat(BinomialTail.atMost(3, 50, 0.3)).isCloseTo(3.2197662734938993e-05, within(1e-16));
        // Terms far below the smallest double at the start of the sum: still exact.
        assertThat(BinomialTail.atMost(500, 1000, 0.5)).isCloseTo(0.5126125090891802, within(1e-12));
    }

    @Test
    void binomialLowerTailAtTheEdges() {
        assertThat(BinomialTail.atMost(10, 10, 0.3)).isEqualTo(1.0);
        assertThat(BinomialTail.atMost(0, 10, 0.0)).isEqualTo(1.0);
        assertThat(BinomialTail.atMost(9, 10, 1.0)).isEqualTo(0.0);
        assertThatThrownBy(() -> BinomialTail.atMost(11, 10, 0.5)).hasMessage("wins must be in [0, 10], got 11");
    }

    @Test
    void studentTQuantilesAreExact() {
        assertThat(StudentT.upperQuantile(0.025, 10)).isCloseTo(2.2281388519862753, within(1e-8));
        assertThat(StudentT.upperQuantile(0.005, 29)).isCloseTo(2.7563859036706053, within(1e-8));
        assertThat(StudentT.upperQuantile(0.001, 30)).isCloseTo(3.385184866829305, within(1e-8));
        assertThat(StudentT.upperQuantile(0.05 / 96, 49)).isCloseTo(3.486800862284074, within(1e-8));
        assertThat(StudentT.upperQuantile(0.05 / 96, 9)).isCloseTo(4.751727941985686, within(1e-8));
    }
}
