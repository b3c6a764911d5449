package io.omega.learning.backtest;

import static io.omega.learning.backtest.TestSeries.bars;
import static io.omega.learning.backtest.TestSeries.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static final Offset<Double> EXACT = within(1e-9);

    /** No costs, whole equity, capital 1000, stop 1 %, target 2 %, timeout 3 bars, threshold 0.6. */
    private static final BacktestSettings PLAIN = new BacktestSettings(1000, 0, 0, 100, 1, 2, 3, 0.6);

    private static double[] bar(double o, double h, double l, double c) {
        return new double[] {o, h, l, c};
    }

    @Test
    void takeProfitFillsAtTheTargetOnTheEntryBar() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 102.5, 99.5, 102), bar(102, 103, 101, 102.5));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("L.."));

        assertThat(r.trades()).hasSize(1);
        Trade t = r.trades().get(0);
        // entry at the open of bar 1 (100), 1000 / 100 = 10 units, target 102 touched by the high 102.5
        assertThat(t.entryIndex()).isEqualTo(1);
        assertThat(t.exitIndex()).isEqualTo(1);
        assertThat(t.direction()).isEqualTo(Direction.LONG);
        assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(t.exitReason().code()).isEqualTo("TP");
        assertThat(t.entryPrice()).isEqualTo(100.0);
        assertThat(t.exitPrice()).isCloseTo(102.0, EXACT);
        assertThat(t.quantity()).isEqualTo(10.0);
        assertThat(t.pnl()).isCloseTo(20.0, EXACT);
        assertThat(t.fees()).isEqualTo(0.0);
        assertThat(t.entryTimeMillis()).isEqualTo(TestSeries.START + TestSeries.MINUTE);
        assertThat(r.equity()).containsExactly(new double[] {1000, 1020, 1020}, EXACT);
    }

    @Test
    void stopComesFirstWhenABarTouchesStopAndTarget() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 102.5, 98.5, 101), bar(101, 101, 101, 101));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("L.."));

        Trade t = r.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isCloseTo(99.0, EXACT); // 100 × (1 − 1 %)
        assertThat(t.pnl()).isCloseTo(-10.0, EXACT);
        assertThat(r.equity()).containsExactly(new double[] {1000, 990, 990}, EXACT);
    }

    @Test
    void shortStopFillsAtTheOpenWhenThePriceGapsThroughIt() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 100.5, 99.5, 100.2), bar(103, 104, 102.5, 103.5),
                bar(103, 103, 103, 103));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("S..."));

        Trade t = r.trades().get(0);
        // short 10 at 100, stop 101; bar 2 opens at 103, beyond the stop: filled at 103
        assertThat(t.direction()).isEqualTo(Direction.SHORT);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitIndex()).isEqualTo(2);
        assertThat(t.exitPrice()).isEqualTo(103.0);
        assertThat(t.pnl()).isCloseTo(-30.0, EXACT);
        // bar 1 marked at its close: 1000 + 10 × (100 − 100.2) = 998
        assertThat(r.equity()).containsExactly(new double[] {1000, 998, 970, 970}, EXACT);
    }

    @Test
    void shortTakeProfitAtTheTarget() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 100.4, 97.0, 97.5), bar(97.5, 98, 97, 97.8));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("S.."));

        Trade t = r.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(t.exitPrice()).isCloseTo(98.0, EXACT);
        assertThat(t.pnl()).isCloseTo(20.0, EXACT);
    }

    @Test
    void oppositeSignalExitsAtTheNextOpenAndDoesNotReverseOnTheSameBar() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 101.5, 99.5, 101), bar(101.2, 101.5, 100.5, 101),
                bar(101, 101, 101, 101), bar(101, 101, 101, 101));
        // long at 0, short at 1 (exit), short again at 2 (enter short at the open of 3)
        BacktestResult r = new Backtester(PLAIN).run(b, signals("LSS.."));

        assertThat(r.trades()).hasSize(2);
        Trade first = r.trades().get(0);
        assertThat(first.exitReason()).isEqualTo(ExitReason.SIGNAL);
        assertThat(first.entryIndex()).isEqualTo(1);
        assertThat(first.exitIndex()).isEqualTo(2);
        assertThat(first.exitPrice()).isEqualTo(101.2);
        assertThat(first.pnl()).isCloseTo(12.0, EXACT);
        Trade second = r.trades().get(1);
        assertThat(second.direction()).isEqualTo(Direction.SHORT);
        assertThat(second.entryIndex()).isEqualTo(3);
        assertThat(second.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(second.exitIndex()).isEqualTo(4);
        assertThat(second.pnl()).isCloseTo(0.0, EXACT);
        assertThat(second.equityAtEntry()).isCloseTo(1012.0, EXACT);
        assertThat(r.equity()).containsExactly(new double[] {1000, 1010, 1012, 1012, 1012}, EXACT);
    }

    @Test
    void timeoutClosesAfterMaxHoldingBarsAtTheNextOpen() {
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 100.5, 99.5, 100.1), bar(100.1, 100.5, 99.5, 100.2),
                bar(100.2, 100.5, 99.5, 100.3), bar(100.4, 100.5, 99.5, 100.5), bar(100.5, 100.5, 100.5, 100.5));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("LLLLLL"));

        // entered at the open of 1; held at the closes of 1, 2, 3 = 3 bars; out at the open of 4 (100.4);
        // the long signal at the close of 4 re-enters at the open of 5, closed at the end of the data
        assertThat(r.trades()).hasSize(2);
        Trade t = r.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.TIMEOUT);
        assertThat(t.exitIndex()).isEqualTo(4);
        assertThat(t.barsHeld()).isEqualTo(4);
        assertThat(t.exitPrice()).isEqualTo(100.4);
        assertThat(t.pnl()).isCloseTo(4.0, EXACT);
        assertThat(r.trades().get(1).entryIndex()).isEqualTo(5);
        assertThat(r.trades().get(1).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(r.equity()).containsExactly(new double[] {1000, 1001, 1002, 1003, 1004, 1004}, EXACT);
    }

    @Test
    void feesAndSlippageAreChargedOnEveryFillAndSizingUsesTheNetEntryPrice() {
        BacktestSettings s = new BacktestSettings(1000, 0.001, 0.0005, 50, 1, 2, 60, 0.6);
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 103, 99.5, 101), bar(101, 101, 101, 101));
        BacktestResult r = new Backtester(s).run(b, signals("L.."));

        Trade t = r.trades().get(0);
        // entry fill 100 × 1.0005 = 100.05; allocation 500 = q × 100.05 × 1.001 -> q = 4.992508740634678
        // target 100.05 × 1.02 = 102.051, filled 102.051 × 0.9995 = 101.9999745
        // fees 0.001 × q × (100.05 + 101.9999745) = 0.4995004995 + 0.5092357642
        // pnl = q × (101.9999745 − 100.05) − fees = 8.726528471528...
        assertThat(t.entryPrice()).isCloseTo(100.05, EXACT);
        assertThat(t.quantity()).isCloseTo(4.992508740634678, EXACT);
        assertThat(t.exitPrice()).isCloseTo(101.9999745, EXACT);
        assertThat(t.fees()).isCloseTo(0.4995004995004996 + 0.5092357642357643, EXACT);
        assertThat(t.pnl()).isCloseTo(8.726528471528525, EXACT);
        assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(r.equity()[2]).isCloseTo(1008.726528471528525, EXACT);
        assertThat(t.returnOnEquity()).isCloseTo(8.726528471528525 / 1000, EXACT);
    }

    @Test
    void openPositionIsMarkedAtTheCloseWithTheEntryFeeAlreadyPaid() {
        BacktestSettings s = new BacktestSettings(1000, 0.001, 0, 100, 10, 10, 60, 0.6);
        Bars b = bars(bar(100, 100, 100, 100), bar(100, 100, 95, 96), bar(96, 96, 96, 96));
        BacktestResult r = new Backtester(s).run(b, signals("S.."));

        // short: q = 1000 / (100 × 0.999); marked at 96: 1000 − fee + q × (100 − 96)
        double q = 1000 / 99.9;
        assertThat(r.equity()[1]).isCloseTo(1000 - 0.001 * q * 100 + q * 4, EXACT);
        // closed at the end: 1000 + q × 4 − 0.001 × q × (100 + 96)
        assertThat(r.trades().get(0).pnl()).isCloseTo(q * 4 - 0.001 * q * 196, EXACT);
        assertThat(r.equity()[2]).isCloseTo(1000 + q * 4 - 0.001 * q * 196, EXACT);
    }

    @Test
    void signalIsTheWinningClassAtOrAboveTheThreshold() {
        assertThat(Backtester.signal(0.6, 0.3, 0.1, 0.6)).isEqualTo(1);
        assertThat(Backtester.signal(0.59, 0.3, 0.11, 0.6)).isZero();
        assertThat(Backtester.signal(0.2, 0.7, 0.1, 0.6)).isEqualTo(-1);
        // FLAT wins: no action even though LONG passes a low threshold
        assertThat(Backtester.signal(0.4, 0.1, 0.5, 0.35)).isZero();
        // a tie is no decision
        assertThat(Backtester.signal(0.45, 0.45, 0.1, 0.4)).isZero();
    }

    @Test
    void noSignalMeansNoTradeAndFlatEquity() {
        Bars b = bars(bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        BacktestResult r = new Backtester(PLAIN).run(b, signals("..."));
        assertThat(r.trades()).isEmpty();
        assertThat(r.equity()).containsExactly(1000, 1000, 1000);
        assertThat(r.finalEquity()).isEqualTo(1000.0);
    }

    @Test
    void signalOnTheLastBarIsIgnoredAndEmptyInputGivesNothing() {
        Bars b = bars(bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        assertThat(new Backtester(PLAIN).run(b, signals(".L")).trades()).isEmpty();
        BacktestResult empty = new Backtester(PLAIN).run(bars(), signals(""));
        assertThat(empty.trades()).isEmpty();
        assertThat(empty.equity()).isEmpty();
        assertThat(empty.finalEquity()).isEqualTo(1000.0);
    }

    @Test
    void everyReasonAppearsOnALongNoisySeriesAndPnlAddsUpToTheEquity() {
        Bars b = TestSeries.randomWalk(20_000, 0.004, 7);
        ClassProbabilities p = TestSeries.noisyModel(b, 10, 0.8, 8);
        BacktestResult r = new Backtester(BacktestSettings.DEFAULTS.withExits(1, 2, 5)).run(b, p);

        List<ExitReason> reasons = r.trades().stream().map(Trade::exitReason).distinct().toList();
        assertThat(reasons).contains(ExitReason.TAKE_PROFIT, ExitReason.STOP_LOSS, ExitReason.SIGNAL,
                ExitReason.TIMEOUT);
        double sum = r.trades().stream().mapToDouble(Trade::pnl).sum();
        assertThat(r.finalEquity() - 10_000).isCloseTo(sum, within(1e-6));
        for (Trade t : r.trades()) {
            assertThat(t.fees()).isPositive();
            assertThat(t.exitIndex()).isGreaterThanOrEqualTo(t.entryIndex());
            assertThat(t.barsHeld()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void mismatchedInputsAreRefusedWithTheReason() {
        Bars b = bars(bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        assertThatThrownBy(() -> new Backtester(PLAIN).run(b, signals("L")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probabilities cover 1 bars but there are 2 bars");
        assertThatThrownBy(() -> bars(bar(100, 99, 98, 100)))
                .hasMessageContaining("bar 0 needs low <= open, close <= high");
        assertThatThrownBy(() -> new Bars(new long[] {2, 1}, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}))
                .hasMessageContaining("strictly increasing, bar 1");
        assertThatThrownBy(() -> new ClassProbabilities(new double[] {0.5}, new double[] {Double.NaN},
                new double[] {0.5})).hasMessage("probabilities: SHORT at bar 0 must be in [0, 1], got NaN");
        assertThatThrownBy(() -> new BacktestSettings(1000, 0.02, 0, 10, 1, 2, 60, 0.55))
                .hasMessage("fee_rate must be in [0.0, 0.01], got 0.02");
        assertThatThrownBy(() -> BacktestSettings.DEFAULTS.withExits(1, 2, 0))
                .hasMessage("max_holding_bars must be at least 1, got 0");
    }

    @Test
    void defaultsMirrorThePaperTradingSection() {
        assertThat(BacktestSettings.DEFAULTS).isEqualTo(
                new BacktestSettings(10_000.0, 0.0005, 0.0002, 10.0, 1.0, 2.0, 60, 0.55));
    }

    @Test
    void precomputedSignalsGiveTheSameRunAsTheProbabilities() {
        Bars b = TestSeries.randomWalk(5_000, 0.003, 17);
        ClassProbabilities p = TestSeries.noisyModel(b, 10, 0.8, 18);
        Backtester backtester = new Backtester(BacktestSettings.DEFAULTS);
        BacktestResult fromProbabilities = backtester.run(b, p);
        BacktestResult fromSignals = backtester.run(b, Backtester.signals(p, 0.55));
        assertThat(fromSignals.trades()).hasSizeGreaterThan(100).isEqualTo(fromProbabilities.trades());
        assertThat(fromSignals.equity()).containsExactly(fromProbabilities.equity());
    }

    @Test
    void badPrecomputedSignalsAreRefused() {
        Bars b = bars(bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        assertThatThrownBy(() -> new Backtester(PLAIN).run(b, new byte[] {0, 2, 0}))
                .hasMessage("signal at bar 1 must be -1, 0 or 1, got 2");
        assertThatThrownBy(() -> new Backtester(PLAIN).run(b, new byte[] {0, 1}))
                .hasMessage("signals cover 2 bars but there are 3 bars");
    }
}
