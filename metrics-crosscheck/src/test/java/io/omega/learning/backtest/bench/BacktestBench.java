package io.omega.learning.backtest.bench;

import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.ClassProbabilities;
import io.omega.learning.backtest.TestSeries;
import io.omega.learning.metrics.PerformanceCalculator;
import io.omega.learning.metrics.PerformanceMetrics;
import java.util.Arrays;
import java.util.Locale;

/**
 * Backtest speed on one core (this main thread only) for precomputed model probabilities, and the same signals on
 * the same bars run by ta4j's BarSeriesManager in the same JVM, with the metrics of both compared.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:lib/* io.omega.learning.backtest.bench.BacktestBench [engineBars] [ta4jBars]
 * java ... BacktestBench --engine-only [engineBars]     (no ta4j: runs on Java 17 too)
 * </pre>
 */
public final class BacktestBench {

    static final long MINUTE = 60_000L;
    static final double PER_MINUTE = PerformanceCalculator.periodsPerYear24x7(MINUTE);

    public static void main(String[] args) {
        boolean engineOnly = args.length > 0 && args[0].equals("--engine-only");
        String[] rest = engineOnly ? Arrays.copyOfRange(args, 1, args.length) : args;
        int engineBars = rest.length > 0 ? Integer.parseInt(rest[0]) : 2_000_000;
        int ta4jBars = rest.length > 1 ? Integer.parseInt(rest[1]) : 200_000;
        System.out.printf(Locale.ROOT, "java %s, %d available processors (the benchmark uses one thread)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        engineThroughput(engineBars);
        if (!engineOnly) {
            Ta4jComparison.run(ta4jBars);
        }
    }

    static void engineThroughput(int n) {
        Bars bars = TestSeries.randomWalk(n, 0.0008, 1);
        ClassProbabilities p = TestSeries.noisyModel(bars, 10, 0.8, 2);
        Backtester backtester = new Backtester(BacktestSettings.DEFAULTS);
        byte[] signals = Backtester.signals(p, BacktestSettings.DEFAULTS.decisionThreshold());
        BacktestResult last = null;
        for (int i = 0; i < 15; i++) {
            last = backtester.run(bars, p);
            last = backtester.run(bars, signals);
        }
        int rounds = 21;
        double[] fromSignals = new double[rounds], fromProbabilities = new double[rounds],
                withMetrics = new double[rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            last = backtester.run(bars, signals);
            long t1 = System.nanoTime();
            sink += backtester.run(bars, p).finalEquity();
            long t2 = System.nanoTime();
            PerformanceMetrics m = PerformanceCalculator.evaluate(backtester.run(bars, signals), PER_MINUTE);
            long t3 = System.nanoTime();
            sink += m.sharpeRatio() + last.finalEquity();
            fromSignals[r] = n / ((t1 - t0) / 1e9);
            fromProbabilities[r] = n / ((t2 - t1) / 1e9);
            withMetrics[r] = n / ((t3 - t2) / 1e9);
        }
        System.out.printf(Locale.ROOT, "engine: %,d bars (1m, long and short signals, default settings), %,d trades%n",
                n, last.trades().size());
        print("precomputed signals          ", fromSignals);
        print("from class probabilities     ", fromProbabilities);
        print("precomputed signals + metrics", withMetrics);
        System.out.printf(Locale.ROOT, "  (%d runs each; checksum %.6f)%n", rounds, sink);
    }

    private static void print(String what, double[] barsPerSecond) {
        double[] c = barsPerSecond.clone();
        Arrays.sort(c);
        System.out.printf(Locale.ROOT, "  %s: median %,.0f bars/s, worst %,.0f, best %,.0f%n", what, c[c.length / 2],
                c[0], c[c.length - 1]);
    }

    static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
