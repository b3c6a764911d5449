package io.omega.controller.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One look of {@link DegradationTest}: ten trades, one look per horizon, so each test runs at 0.05 / 2 = 0.025. */
class LookVerdictTest {

    private final DegradationTest test = new DegradationTest(new MonitorSettings(10, 10.0, 10, 0.05, 10, 1_000.0, true));

    @Test
    void withoutAPnlPerTradeOnlyTheWinRateIsTestedAgainstTheEvaluatedRateLessTheDrop() {
        BacktestFigures winRateOnly = new BacktestFigures(60.0, Double.NaN, 200);

        DegradationTest.Verdict oneWin = test.judge(returns(1, 9), winRateOnly);
        assertThat(oneWin.referenceWinRate()).isEqualTo(50.0);
        assertThat(oneWin.winRatePValue()).isCloseTo(11 / 1024.0, within(1e-15));
        assertThat(oneWin.winRateFails()).isTrue();
        assertThat(oneWin.expectancyT()).isNaN();
        assertThat(oneWin.expectancyFails()).isFalse();
        assertThat(oneWin.degraded()).isTrue();

        DegradationTest.Verdict twoWins = test.judge(returns(2, 8), winRateOnly);
        assertThat(twoWins.winRatePValue()).as("56/1024 > 0.025").isCloseTo(56 / 1024.0, within(1e-15));
        assertThat(twoWins.degraded()).isFalse();
    }

    @Test
    void theExpectancyTestIsATwoSampleTStatistic() {
        RecentReturns live = new RecentReturns(10);
        for (int i = 0; i < 5; i++) {
            live.add(-0.5);
            live.add(-0.3);
        }
        // Mean -0.4 %, sd 1/√90; the backtest +0.1 % (1.0 on a notional of 1,000) over 90 trades: the standard error is
        // (1/√90)·√(1/10 + 1/90) = 1/(3√90), so t = -0.5·3·√90.
        DegradationTest.Verdict verdict = test.judge(live, new BacktestFigures(5.0, 1.0, 90));
        assertThat(verdict.liveMean()).isCloseTo(-0.4, within(1e-15));
        assertThat(verdict.evaluatedMean()).isCloseTo(0.1, within(1e-15));
        assertThat(verdict.expectancyT()).isCloseTo(-1.5 * Math.sqrt(90), within(1e-9));
        assertThat(verdict.tCritical()).isCloseTo(StudentT.upperQuantile(0.025, 9), within(0.0));
        assertThat(verdict.expectancyFails()).isTrue();
        assertThat(verdict.winRateFails()).as("5 % less 10 points: no floor left to fall below").isFalse();
    }

    @Test
    void aBacktestOfFewTradesBuysAWiderMargin() {
        RecentReturns live = new RecentReturns(10);
        for (int i = 0; i < 5; i++) {
            live.add(-0.1);
            live.add(0.1);
        }
        // 0.09 % short of the backtest, sd 1/√90: t = -0.09·√90·√10 = -2.7 on the live trades alone, -1.91 with a
        // backtest of 10 trades; the limit is 2.26.
        DegradationTest.Verdict unreported = test.judge(live, new BacktestFigures(50.0, 0.9, 0));
        assertThat(unreported.expectancyT()).isCloseTo(-2.7, within(1e-9));
        assertThat(unreported.expectancyFails()).isTrue();
        DegradationTest.Verdict tenTrades = test.judge(live, new BacktestFigures(50.0, 0.9, 10));
        assertThat(tenTrades.expectancyT()).isCloseTo(-2.7 / Math.sqrt(2), within(1e-9));
        assertThat(tenTrades.expectancyFails()).isFalse();
    }

    @Test
    void identicalReturnsFailOnlyWhenBelowTheBacktest() {
        RecentReturns flat = returns(0, 10);
        assertThat(test.judge(flat, new BacktestFigures(0.0, -5.0, 100)).degraded()).as("-0.5 % live, -0.5 % backtest")
                .isFalse();
        DegradationTest.Verdict below = test.judge(flat, new BacktestFigures(0.0, -4.0, 100));
        assertThat(below.expectancyT()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(below.expectancyFails()).isTrue();
    }

    /** Wins of +0.5 % and losses of -0.5 %. */
    private static RecentReturns returns(int wins, int losses) {
        RecentReturns r = new RecentReturns(wins + losses);
        for (int i = 0; i < wins; i++) {
            r.add(0.5);
        }
        for (int i = 0; i < losses; i++) {
            r.add(-0.5);
        }
        return r;
    }
}
