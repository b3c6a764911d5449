package io.omega.learning.backtest;

import java.util.SplittableRandom;

/** Bar series and probabilities for tests and the benchmark: hand-written rows, and seeded synthetic ones. */
public final class TestSeries {

    public static final long MINUTE = 60_000L;
    public static final long START = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    private TestSeries() {
    }

    /** Rows of {open, high, low, close}, one minute apart. */
    public static Bars bars(double[]... ohlc) {
        int n = ohlc.length;
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = START + i * MINUTE;
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
        }
        return new Bars(t, o, h, l, c);
    }

    /** Signals per bar as 'L' (long), 'S' (short) or '.' (flat), as probabilities 0.7 / 0.2 / 0.1. */
    public static ClassProbabilities signals(String pattern) {
        int n = pattern.length();
        double[] pl = new double[n], ps = new double[n], pf = new double[n];
        for (int i = 0; i < n; i++) {
            char ch = pattern.charAt(i);
            pl[i] = ch == 'L' ? 0.7 : 0.1;
            ps[i] = ch == 'S' ? 0.7 : 0.1;
            pf[i] = ch == '.' ? 0.8 : 0.2;
        }
        return new ClassProbabilities(pl, ps, pf);
    }

    /**
     * A geometric random walk shaped like 1-minute BTC-USDT bars: per-bar volatility {@code vol}, opens at the
     * previous close plus a small gap, high and low beyond open and close by a random wick.
     */
    public static Bars randomWalk(int n, double vol, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        double price = 42_000;
        for (int i = 0; i < n; i++) {
            t[i] = START + i * MINUTE;
            double open = price * (1 + 0.1 * vol * gaussian(r));
            double close = open * Math.exp(vol * gaussian(r));
            double wickUp = Math.abs(gaussian(r)) * vol * 0.6, wickDown = Math.abs(gaussian(r)) * vol * 0.6;
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * (1 + wickUp);
            l[i] = Math.min(open, close) * (1 - wickDown);
            price = close;
        }
        return new Bars(t, o, h, l, c);
    }

    /**
     * Probabilities of a mildly informed model: each bar the class that the next {@code horizon} bars' move favours
     * gets extra weight, plus noise; softmax-normalised so the three sum to 1.
     */
    public static ClassProbabilities noisyModel(Bars bars, int horizon, double skill, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = bars.size();
        double[] pl = new double[n], ps = new double[n], pf = new double[n];
        double[] c = bars.close();
        for (int i = 0; i < n; i++) {
            double future = c[Math.min(i + horizon, n - 1)] / c[i] - 1;
            double zl = gaussian(r) + (future > 0 ? skill : 0);
            double zs = gaussian(r) + (future < 0 ? skill : 0);
            double zf = gaussian(r) + 0.3;
            double el = Math.exp(zl), es = Math.exp(zs), ef = Math.exp(zf), sum = el + es + ef;
            pl[i] = el / sum;
            ps[i] = es / sum;
            pf[i] = ef / sum;
        }
        return new ClassProbabilities(pl, ps, pf);
    }

    /** The same probabilities with SHORT never the winning class (for engines that run one direction only). */
    public static ClassProbabilities longOnly(ClassProbabilities p) {
        int n = p.size();
        double[] ps = new double[n], pf = new double[n];
        for (int i = 0; i < n; i++) {
            double s = p.shortProbability()[i];
            if (s >= p.longProbability()[i] && s >= p.flatProbability()[i]) {
                // move SHORT's mass to FLAT so SHORT cannot win; a SHORT win becomes "no signal"
                ps[i] = 0;
                pf[i] = p.flatProbability()[i] + s;
            } else {
                ps[i] = s;
                pf[i] = p.flatProbability()[i];
            }
        }
        return new ClassProbabilities(p.longProbability(), ps, pf);
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
