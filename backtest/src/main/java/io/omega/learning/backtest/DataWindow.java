package io.omega.learning.backtest;

import java.time.Instant;

/** A closed time range of market data, [from, to]. */
public record DataWindow(Instant from, Instant to) {

    public DataWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("data window: from and to are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("data window: to " + to + " is before from " + from);
        }
    }

    public static DataWindow ofMillis(long fromMillis, long toMillis) {
        return new DataWindow(Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
    }

    /** The window spanned by the bars' open times. */
    public static DataWindow of(Bars bars) {
        if (bars.size() == 0) {
            throw new IllegalArgumentException("data window: no bars");
        }
        return ofMillis(bars.timeMillis()[0], bars.timeMillis()[bars.size() - 1]);
    }

    @Override
    public String toString() {
        return "[" + from + " .. " + to + "]";
    }
}
