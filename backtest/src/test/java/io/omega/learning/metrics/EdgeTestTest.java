package io.omega.learning.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeTestTest {

    private static final double[] RETURNS = {0.01, -0.005, 0.02, 0.0, 0.01, -0.002, 0.004};

    @Test
    void withOneTrialThePValueIsOneMinusTheProbabilisticSharpe() {
        EdgeTest edge = EdgeTest.run(RETURNS, 1);
        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.compute(RETURNS, 1, Double.NaN);
        assertThat(edge.pValue()).isEqualTo(1 - dsr.probability());
        assertThat(edge.expectedMaxSharpe()).isZero();
        assertThat(edge.sharpePerBar()).isEqualTo(dsr.sharpePerPeriod());
        assertThat(edge.trials()).isEqualTo(1);
    }

    @Test
    void moreTrialsRaiseTheBarAndThePValue() {
        EdgeTest one = EdgeTest.run(RETURNS, 1);
        EdgeTest seventeen = EdgeTest.run(RETURNS, 17);
        assertThat(seventeen.pValue()).isEqualTo(1 - DeflatedSharpeRatio.compute(RETURNS, 17, Double.NaN).probability());
        assertThat(seventeen.pValue()).isGreaterThan(one.pValue());
        assertThat(seventeen.expectedMaxSharpe()).isPositive();
        assertThat(seventeen.passes(0.05)).isFalse();
    }

    @Test
    void returnsWithoutVarianceAreNoEvidenceOfAnEdge() {
        EdgeTest flat = EdgeTest.run(new double[] {0, 0, 0, 0}, 3);
        assertThat(flat).isEqualTo(new EdgeTest(1.0, 3, 0.0, 0.0));
        assertThat(flat.passes(0.05)).isFalse();
    }
}
