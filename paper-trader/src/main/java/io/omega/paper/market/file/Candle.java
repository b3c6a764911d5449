package io.omega.paper.market.file;

import io.omega.paper.market.Bar;

import java.time.Instant;

/** One row of a candle file, read but not yet placed in its series; {@code row} is where it came from. */
record Candle(RowRef row, Instant start, double open, double high, double low, double close, double volume) {

    /** Checks that the prices make a candle: positive and finite, high and low bracketing open and close. */
    static Candle checked(RowRef row, Instant start, double open, double high, double low, double close, double volume) {
        positive(row, "open", open);
        positive(row, "high", high);
        positive(row, "low", low);
        positive(row, "close", close);
        if (high < Math.max(open, close)) {
            throw row.field("high", high + " is below max(open, close) = " + Math.max(open, close));
        }
        if (low > Math.min(open, close)) {
            throw row.field("low", low + " is above min(open, close) = " + Math.min(open, close));
        }
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw row.field("volume", "must be >= 0 and finite, got " + volume);
        }
        return new Candle(row, start, open, high, low, close, volume);
    }

    private static void positive(RowRef row, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw row.field(field, "must be positive and finite, got " + value);
        }
    }

    /** Whether {@code other} says exactly what this candle says (a repeated row, not a conflicting one). */
    boolean sameValues(Candle other) {
        return start.equals(other.start) && open == other.open && high == other.high && low == other.low
                && close == other.close && volume == other.volume;
    }

    Bar bar(String symbol) {
        // A candle says nothing of how many trades made it: 0 means "not known".
        return new Bar(symbol, start, open, high, low, close, volume, 0);
    }
}
