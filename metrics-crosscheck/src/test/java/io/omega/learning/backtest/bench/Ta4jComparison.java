package io.omega.learning.backtest.bench;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.ClassProbabilities;
import io.omega.learning.backtest.Ta4jMirror;
import io.omega.learning.backtest.Ta4jStrategyRun;
import io.omega.learning.backtest.TestSeries;
import io.omega.learning.metrics.PerformanceCalculator;
import io.omega.learning.metrics.PerformanceMetrics;
import java.util.Locale;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.CashFlow;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The ta4j side of the benchmark, in its own class so that {@code --engine-only} never loads ta4j (Java 21 bytecode).
 * ta4j runs on DoubleNum, its fastest number type. Long only and whole equity: see {@link Ta4jStrategyRun}; with the
 * whole equity every metric is defined the same way on both sides, and the run stops if any of them differ.
 */
final class Ta4jComparison {

    private Ta4jComparison() {
    }

    static void run(int n) {
        Bars bars = TestSeries.randomWalk(n, 0.0008, 3);
        ClassProbabilities longOnly = TestSeries.longOnly(TestSeries.noisyModel(bars, 10, 0.8, 4));
        BacktestSettings settings = BacktestSettings.DEFAULTS.withPositionSizePct(100);
        Backtester ours = new Backtester(settings);

        byte[] signals = Backtester.signals(longOnly, settings.decisionThreshold());
        long s0 = System.nanoTime();
        BarSeries series = Ta4jMirror.series(bars, BacktestBench.MINUTE, DoubleNumFactory.getInstance());
        Ta4jStrategyRun.Prepared prepared = Ta4jStrategyRun.prepare(series, signals, settings);
        double buildSeconds = (System.nanoTime() - s0) / 1e9;

        // warm-up of both
        PerformanceMetrics oursMetrics = null;
        Ta4jMirror.Figures theirs = null;
        for (int i = 0; i < 3; i++) {
            theirs = Ta4jMirror.figures(series, prepared.run(), BacktestBench.PER_MINUTE, false);
            for (int k = 0; k < 20; k++) {
                oursMetrics = PerformanceCalculator.evaluate(ours.run(bars, signals), BacktestBench.PER_MINUTE);
            }
        }

        int rounds = 7, inner = 20;
        double[] ta4jRun = new double[rounds], ta4jAll = new double[rounds], oursRun = new double[rounds],
                oursAll = new double[rounds], ta4jCurve = new double[rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            TradingRecord record = prepared.run();
            long t1 = System.nanoTime();
            theirs = Ta4jMirror.figures(series, record, BacktestBench.PER_MINUTE, false);
            long t2 = System.nanoTime();
            // ours returns the per-bar equity curve with the trades; ta4j's counterpart is its CashFlow
            sink += new CashFlow(series, record).getValue(series.getEndIndex()).doubleValue();
            long t3 = System.nanoTime();
            ta4jRun[r] = (t1 - t0) / 1e9;
            ta4jAll[r] = (t2 - t0) / 1e9;
            ta4jCurve[r] = (t1 - t0 + t3 - t2) / 1e9;

            long u0 = System.nanoTime();
            for (int k = 0; k < inner; k++) {
                sink += ours.run(bars, signals).finalEquity();
            }
            long u1 = System.nanoTime();
            for (int k = 0; k < inner; k++) {
                oursMetrics = PerformanceCalculator.evaluate(ours.run(bars, signals), BacktestBench.PER_MINUTE);
            }
            long u2 = System.nanoTime();
            oursRun[r] = (u1 - u0) / 1e9 / inner;
            oursAll[r] = (u2 - u1) / 1e9 / inner;
        }
        double tr = BacktestBench.median(ta4jRun), ta = BacktestBench.median(ta4jAll);
        double or = BacktestBench.median(oursRun), oa = BacktestBench.median(oursAll);
        double tc = BacktestBench.median(ta4jCurve);

        System.out.printf(Locale.ROOT, "versus ta4j 0.22.2 BarSeriesManager (DoubleNum): %,d bars, long-only signals,"
                + " whole equity, precomputed signals on both sides, %,d trades%n", n, oursMetrics.totalTrades());
        System.out.printf(Locale.ROOT, "  ta4j BarSeries, rules and strategy built once (not in the ratio): %.3f s%n", buildSeconds);
        System.out.printf(Locale.ROOT, "  backtest only      : (ta4j: trading record only, no equity curve; ours: trades"
                + " and equity curve)%n");
        System.out.printf(Locale.ROOT, "  backtest only      : ta4j %.4f s (%,.0f bars/s), ours %.6f s (%,.0f bars/s),"
                + " ratio %.1fx%n", tr, n / tr, or, n / or, tr / or);
        System.out.printf(Locale.ROOT, "  backtest + equity  : ta4j %.4f s (%,.0f bars/s), ours %.6f s (%,.0f bars/s),"
                + " ratio %.1fx  (ta4j: run + CashFlow)%n", tc, n / tc, or, n / or, tc / or);
        System.out.printf(Locale.ROOT, "  backtest + metrics : ta4j %.4f s (%,.0f bars/s), ours %.6f s (%,.0f bars/s),"
                + " ratio %.1fx%n", ta, n / ta, oa, n / oa, ta / oa);
        System.out.printf(Locale.ROOT, "  medians of %d rounds, ours averaged over %d runs per round (checksum %.3f)%n",
                rounds, inner, sink);

        String[][] rows = {
                {"trades", str(oursMetrics.totalTrades()), str(theirs.positions())},
                {"win ratio", str(oursMetrics.winRate() / 100), str(theirs.winningRatio())},
                {"max drawdown", str(oursMetrics.maxDrawdown() / 100), str(theirs.maxDrawdown())},
                {"sharpe (annualised)", str(oursMetrics.sharpeRatio()), str(theirs.sharpe())},
                {"gross profit (net of costs)", str(oursMetrics.grossProfit()), str(theirs.netProfit())},
                {"gross loss (net of costs)", str(oursMetrics.grossLoss()), str(-theirs.netLoss())},
                {"profit factor", str(oursMetrics.profitFactor()), str(theirs.profitFactor())}};
        System.out.println("  metric                         ours                      ta4j");
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "  %-28s %-25s %-25s%n", row[0], row[1], row[2]);
        }
        boolean same = oursMetrics.totalTrades() == theirs.positions()
                && close(oursMetrics.winRate() / 100, theirs.winningRatio(), 1e-9)
                && close(oursMetrics.maxDrawdown() / 100, theirs.maxDrawdown(), 1e-9)
                && close(oursMetrics.sharpeRatio(), theirs.sharpe(), 1e-9)
                && close(oursMetrics.grossProfit(), theirs.netProfit(), 1e-9 * Math.max(1, theirs.netProfit()))
                && close(oursMetrics.grossLoss(), -theirs.netLoss(), 1e-9 * Math.max(1, -theirs.netLoss()))
                && close(oursMetrics.profitFactor(), theirs.profitFactor(), 1e-9);
        System.out.println("  identical metrics (1e-9): " + same);
        if (!same) {
            throw new IllegalStateException("ta4j and our backtester disagree; the speed ratio is not comparable");
        }
    }

    private static boolean close(double a, double b, double tol) {
        return a == b || Math.abs(a - b) <= tol;
    }

    private static String str(double v) {
        return String.format(Locale.ROOT, "%.12g", v);
    }
}
