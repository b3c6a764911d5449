package io.omega.learning.metrics.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SharpeRatioTest {

    private static final double HOURLY = 365 * 24;

    @Test
    void perBarReturnsOfTheEquityCurve() {
        // 1020/1000 − 1, 1010/1020 − 1, 1010/1010 − 1, 1040/1010 − 1, 1035/1040 − 1
        assertThat(SharpeRatio.perBarReturns(HandTrades.EQUITY)).containsExactly(
                new double[] {0.02, -1.0 / 102, 0, 3.0 / 101, -1.0 / 208}, within(1e-15));
        // a bar that starts with the account gone contributes 0
        assertThat(SharpeRatio.perBarReturns(new double[] {100, 0, 50})).containsExactly(-1.0, 0.0);
    }

    @Test
    void meanOverSampleStandardDeviationAnnualisedByBarsPerYear() {
        // mean 0.0070182712841419..., squared deviations 0.0011552165688264..., divisor n − 1 = 4:
        // per bar 0.41297945088858075737, × √8760 = 38.652758701813342714 (exact fractions, 40 digits; the double
        // sums of five returns and their deviations round within a few units in the 15th digit)
        double[] returns = SharpeRatio.perBarReturns(HandTrades.EQUITY);
        assertThat(SharpeRatio.perPeriod(returns)).isCloseTo(0.41297945088858075737, within(1e-14));
        assertThat(new SharpeRatio(HOURLY).calculate(HandTrades.RESULT))
                .isCloseTo(38.652758701813342714, within(1e-12));
    }

    @Test
    void flatEquityOrFewerThanTwoReturnsIsZero() {
        assertThat(new SharpeRatio(HOURLY).calculate(HandTrades.NO_TRADES)).isZero();
        assertThat(SharpeRatio.of(new double[] {100, 110}, HOURLY)).isZero();
        assertThat(SharpeRatio.of(new double[] {100}, HOURLY)).isZero();
        assertThat(SharpeRatio.of(new double[0], HOURLY)).isZero();
    }

    @Test
    void periodsPerYearMustBePositiveAndFinite() {
        assertThatThrownBy(() -> new SharpeRatio(0)).hasMessage("periods per year must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new SharpeRatio(Double.POSITIVE_INFINITY))
                .hasMessage("periods per year must be positive and finite, got Infinity");
        assertThatThrownBy(() -> new SharpeRatio(Double.NaN))
                .hasMessage("periods per year must be positive and finite, got NaN");
        assertThat(new SharpeRatio(HOURLY).periodsPerYear()).isEqualTo(HOURLY);
    }
}
