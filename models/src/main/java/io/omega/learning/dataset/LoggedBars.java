package io.omega.learning.dataset;

import io.omega.learning.backtest.BarPrices;
import io.omega.learning.backtest.Bars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars a backtest trades on, rebuilt from logged decisions: each decision's price is its bar's close, and its
 * {@link BarPrices} are the bar's open, high and low ({@link BarPrices#of}: a row logged without them becomes a bar
 * of its single price, where stops and targets can only be tested at decision prices).
 */
public final class LoggedBars {

    private LoggedBars() {
    }

    /** The bars at {@code times}, each from the row logged at that instant; every time must have a row. */
    public static Bars at(long[] times, List<MarketRow> rows) {
        Map<Long, MarketRow> byTime = new HashMap<>(rows.size() * 2);
        for (MarketRow row : rows) {
            byTime.put(row.time().toEpochMilli(), row);
        }
        int n = times.length;
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        for (int i = 0; i < n; i++) {
            MarketRow row = byTime.get(times[i]);
            if (row == null) {
                throw new IllegalArgumentException("no logged decision at " + java.time.Instant.ofEpochMilli(times[i]));
            }
            BarPrices.Ohlc bar = BarPrices.of(row.features(), row.price());
            open[i] = bar.open();
            high[i] = bar.high();
            low[i] = bar.low();
            close[i] = bar.close();
        }
        return new Bars(times, open, high, low, close);
    }
}
