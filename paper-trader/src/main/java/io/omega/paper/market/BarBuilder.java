package io.omega.paper.market;

import java.time.Instant;

/**
 * The running open, high, low, close, volume and trade count of one interval. Trades may come in any order: the
 * open is the earliest by time and then by {@code sequence}, the close the latest, so a trade that arrives late still
 * lands where it happened.
 */
final class BarBuilder {

    private final String symbol;
    private final Instant start;
    private double open;
    private double high = Double.NEGATIVE_INFINITY;
    private double low = Double.POSITIVE_INFINITY;
    private double close;
    private double volume;
    private int trades;
    private long firstMillis = Long.MAX_VALUE;
    private long firstSequence = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;
    private long lastSequence = Long.MIN_VALUE;

    BarBuilder(String symbol, Instant start) {
        this.symbol = symbol;
        this.start = start;
    }

    /** Adds a trade; {@code fills} is how many executions it stands for (1 unless the source aggregates). */
    void add(Trade trade, long sequence, int fills) {
        long millis = trade.time().toEpochMilli();
        if (millis < firstMillis || millis == firstMillis && sequence < firstSequence) {
            firstMillis = millis;
            firstSequence = sequence;
            open = trade.price();
        }
        if (millis > lastMillis || millis == lastMillis && sequence >= lastSequence) {
            lastMillis = millis;
            lastSequence = sequence;
            close = trade.price();
        }
        high = Math.max(high, trade.price());
        low = Math.min(low, trade.price());
        volume += trade.amount();
        trades += fills;
    }

    boolean isEmpty() {
        return trades == 0;
    }

    Bar bar() {
        return new Bar(symbol, start, open, high, low, close, volume, trades);
    }
}
