package io.omega.paper.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bars of several symbols from one live trade stream, one {@link BarAggregator} each. A live feed is not a file: a
 * trade older than the symbol's latest (a repeat or a reordering around a reconnect) is dropped and counted rather
 * than stopping the engine, since a bar already handed on cannot be rebuilt.
 */
public final class LiveBars {

    private final Map<String, BarAggregator> aggregators = new LinkedHashMap<>();
    private final Map<String, Instant> latest = new LinkedHashMap<>();
    private long lateTrades;

    public LiveBars(Collection<String> symbols, Duration barLength) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("live bars need at least one symbol");
        }
        for (String symbol : symbols) {
            aggregators.put(symbol, new BarAggregator(symbol, barLength));
        }
    }

    /** Adds a trade of {@code symbol}; returns the bar it completed, if it opened a new interval. */
    public synchronized Optional<Bar> add(String symbol, Trade trade) {
        BarAggregator aggregator = aggregators.get(symbol);
        if (aggregator == null) {
            throw new IllegalArgumentException("a trade of '" + symbol + "', for which no bars are built (symbols: "
                    + aggregators.keySet() + ")");
        }
        Instant previous = latest.get(symbol);
        if (previous != null && trade.time().isBefore(previous)) {
            lateTrades++;
            return Optional.empty();
        }
        latest.put(symbol, trade.time());
        return aggregator.add(trade);
    }

    /** Trades dropped for coming after a later one of their symbol. */
    public synchronized long lateTrades() {
        return lateTrades;
    }
}
