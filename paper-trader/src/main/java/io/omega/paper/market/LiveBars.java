package io.omega.paper.market;

import io.omega.exchange.okx.TradeIds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Bars of several symbols from one live trade stream, where trades come twice and out of order. Each trade is
 * counted once, by its id. A bar stays open for trades that arrive late until the symbol's event-time watermark (its
 * newest trade's time less {@code allowedLateness}) passes the bar's end; then it is complete, handed on, and a trade
 * for it or an earlier bar is dropped and counted as late, since a bar handed on cannot be rebuilt. Completed bars
 * come out in time order.
 */
public final class LiveBars {

    /** What was left out: trades seen before, trades for bars already complete, subscription repeats skipped. */
    public record Counts(long duplicateTrades, long lateTrades, long skippedRepeats) {
    }

    private final Map<String, Series> series = new LinkedHashMap<>();
    private final long stepMillis;
    private final long latenessMillis;
    private long duplicateTrades;
    private long lateTrades;
    private long skippedRepeats;
    private long arrivals;

    public LiveBars(Collection<String> symbols, Duration barLength, Duration allowedLateness) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("live bars need at least one symbol");
        }
        if (barLength.isNegative() || barLength.isZero()) {
            throw new IllegalArgumentException("bar length must be positive, got " + barLength);
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must be >= 0, got " + allowedLateness);
        }
        this.stepMillis = barLength.toMillis();
        this.latenessMillis = allowedLateness.toMillis();
        for (String symbol : symbols) {
            series.put(symbol, new Series(symbol));
        }
    }

    /**
     * Adds a trade of {@code symbol} with its exchange id ({@code fills} executions aggregated under it, 1 for a
     * single one); returns the bars it completed, oldest first.
     */
    public synchronized List<Bar> add(String symbol, String tradeId, int fills, Trade trade) {
        Series s = of(symbol);
        long start = intervalOf(trade);
        if (s.ids.seen(tradeId)) {
            duplicateTrades++;
            return List.of();
        }
        if (start < s.closedBefore) {
            lateTrades++;
            return List.of();
        }
        s.take(tradeId, fills, trade, start);
        s.newestMillis = Math.max(s.newestMillis, trade.time().toEpochMilli());
        return s.complete();
    }

    /**
     * Adds the trade an exchange repeats on subscription (its latest, possibly many seconds old). It counts only if
     * it is new and its bar is already open: it never opens a bar, which at start-up would be a bar in the past with
     * that one trade in it.
     */
    public synchronized List<Bar> addRepeat(String symbol, String tradeId, int fills, Trade trade) {
        Series s = of(symbol);
        long start = intervalOf(trade);
        if (s.ids.seen(tradeId)) {
            duplicateTrades++;
            return List.of();
        }
        if (!s.open.containsKey(start)) {
            skippedRepeats++;
            // Remembered, so that the same trade from a gap fill or the next repeat is not counted either.
            s.ids.remember(tradeId, fills, start);
            s.noteId(tradeId);
            return List.of();
        }
        return add(symbol, tradeId, fills, trade);
    }

    /** The highest trade id seen for {@code symbol} (counted or not), where a gap after a reconnect starts. */
    public synchronized String newestTradeId(String symbol) {
        return of(symbol).newestId;
    }

    public synchronized Counts counts() {
        return new Counts(duplicateTrades, lateTrades, skippedRepeats);
    }

    private long intervalOf(Trade trade) {
        return Math.floorDiv(trade.time().toEpochMilli(), stepMillis) * stepMillis;
    }

    private Series of(String symbol) {
        Series s = series.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("a trade of '" + symbol + "', for which no bars are built (symbols: "
                    + series.keySet() + ")");
        }
        return s;
    }

    /** One symbol's open bars, watermark and recent ids. */
    private final class Series {

        final String symbol;
        final TreeMap<Long, BarBuilder> open = new TreeMap<>();
        final RecentTradeIds ids = new RecentTradeIds();
        long newestMillis = Long.MIN_VALUE;
        /** Every interval starting before this is complete. */
        long closedBefore = Long.MIN_VALUE;
        String newestId;

        Series(String symbol) {
            this.symbol = symbol;
        }

        void take(String tradeId, int fills, Trade trade, long start) {
            ids.remember(tradeId, fills, start);
            noteId(tradeId);
            OptionalLong number = TradeIds.number(tradeId);
            // Ids order the trades of one millisecond; without a numeric id, arrival order has to do.
            long sequence = number.isPresent() ? number.getAsLong() : arrivals++;
            open.computeIfAbsent(start, k -> new BarBuilder(symbol, Instant.ofEpochMilli(k)))
                    .add(trade, sequence, fills);
        }

        void noteId(String tradeId) {
            if (newestId == null || TradeIds.after(tradeId, newestId)) {
                newestId = tradeId;
            }
        }

        List<Bar> complete() {
            long watermark = newestMillis - latenessMillis;
            long before = Math.floorDiv(watermark, stepMillis) * stepMillis;
            if (before <= closedBefore) {
                return List.of();
            }
            closedBefore = before;
            List<Bar> done = new ArrayList<>();
            Map<Long, BarBuilder> ready = open.headMap(before);
            ready.values().forEach(b -> done.add(b.bar()));
            ready.clear();
            // Keeps the ids of the open bars and of the one before them: a late copy of a trade of an older bar
            // is dropped as late anyway.
            ids.forgetBefore(before - stepMillis);
            return done;
        }
    }
}
