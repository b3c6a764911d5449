package io.omega.learning.backtest;

/**
 * OHLC bars in columns (one primitive array per field) so the backtest loop reads them without boxing.
 * The arrays are not copied: callers hand them over and must not change them afterwards.
 *
 * @param timeMillis bar open time, epoch milliseconds, strictly increasing
 */
public record Bars(long[] timeMillis, double[] open, double[] high, double[] low, double[] close) {

    public Bars {
        if (timeMillis == null || open == null || high == null || low == null || close == null) {
            throw new IllegalArgumentException("bars: none of timeMillis, open, high, low, close may be null");
        }
        int n = timeMillis.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n) {
            throw new IllegalArgumentException("bars: arrays must have the same length, got time=" + n + " open="
                    + open.length + " high=" + high.length + " low=" + low.length + " close=" + close.length);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && timeMillis[i] <= timeMillis[i - 1]) {
                throw new IllegalArgumentException("bars: timeMillis must be strictly increasing, bar " + i + " has "
                        + timeMillis[i] + " after " + timeMillis[i - 1]);
            }
            double o = open[i], h = high[i], l = low[i], c = close[i];
            if (!(o > 0) || !(h > 0) || !(l > 0) || !(c > 0) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("bars: prices must be positive and finite, bar " + i + " has open=" + o
                        + " high=" + h + " low=" + l + " close=" + c);
            }
            if (l > Math.min(o, c) || h < Math.max(o, c)) {
                throw new IllegalArgumentException("bars: bar " + i + " needs low <= open, close <= high, got open=" + o
                        + " high=" + h + " low=" + l + " close=" + c);
            }
        }
    }

    /** Bars of single prices, as decisions give them: each price is the whole bar (open = high = low = close). */
    public static Bars ofPrices(long[] timeMillis, double[] price) {
        return new Bars(timeMillis, price, price.clone(), price.clone(), price.clone());
    }

    /** The median time between consecutive bars (at least 1 ms): the period a Sharpe ratio is annualised by. */
    public long medianStepMillis() {
        if (timeMillis.length < 2) {
            throw new IllegalStateException("a bar length needs at least two bars, got " + timeMillis.length);
        }
        long[] steps = new long[timeMillis.length - 1];
        for (int i = 1; i < timeMillis.length; i++) {
            steps[i - 1] = timeMillis[i] - timeMillis[i - 1];
        }
        java.util.Arrays.sort(steps);
        return Math.max(1, steps[steps.length / 2]);
    }

    public int size() {
        return timeMillis.length;
    }
}
