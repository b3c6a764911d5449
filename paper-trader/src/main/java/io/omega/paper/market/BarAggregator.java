package io.omega.paper.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a time-ordered stream of trades into bars of a fixed length, aligned to the epoch (a one-minute bar starts
 * on the minute). A bar is complete when the first trade of a later interval arrives; an interval without trades
 * gives no bar (a gap, as the dataset builder expects).
 */
public final class BarAggregator {

    private final String symbol;
    private final long stepMillis;
    private long currentStart = Long.MIN_VALUE;
    private BarBuilder current;
    private long arrivals;
    private Instant lastTime = Instant.MIN;

    public BarAggregator(String symbol, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("bar length must be positive, got " + step);
        }
        this.symbol = symbol;
        this.stepMillis = step.toMillis();
    }

    /** Adds a trade; returns the bar it completed, if it opened a new interval. */
    public Optional<Bar> add(Trade trade) {
        if (trade.time().isBefore(lastTime)) {
            throw new IllegalArgumentException("trades must come in time order: " + trade.time() + " after " + lastTime);
        }
        lastTime = trade.time();
        long start = Math.floorDiv(trade.time().toEpochMilli(), stepMillis) * stepMillis;
        Optional<Bar> completed = Optional.empty();
        if (start != currentStart || current == null) {
            completed = flush();
            currentStart = start;
            current = new BarBuilder(symbol, Instant.ofEpochMilli(start));
        }
        // In a time-ordered stream, trades of the same millisecond keep their order of arrival.
        current.add(trade, arrivals++, 1);
        return completed;
    }

    /** The bar in progress, as it stands, when the stream ends. */
    public Optional<Bar> flush() {
        if (current == null || current.isEmpty()) {
            return Optional.empty();
        }
        Bar bar = current.bar();
        current = null;
        return Optional.of(bar);
    }
}
