package io.omega.paper;

import io.omega.exchange.okx.OkxArg;
import io.omega.exchange.okx.OkxChannels;
import io.omega.exchange.okx.OkxEvent;
import io.omega.exchange.okx.OkxRestTrades;
import io.omega.exchange.okx.OkxStreamListener;
import io.omega.exchange.okx.OkxTrade;
import io.omega.paper.market.Bar;
import io.omega.paper.market.LiveBars;
import io.omega.paper.market.Trade;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Between the OKX stream and the trader: trades into bars, each completed bar to {@code bars}' consumer, and the
 * stream's news to the operator. Two things OKX does around a subscription are handled here. Its first push after
 * each acknowledgement repeats the instrument's latest trade, which may be many seconds old: it goes to
 * {@link LiveBars#addRepeat}, which never opens a bar with it. And after a reconnect, the trades OKX did not push
 * while the connection was down are fetched over REST, from the newest trade id seen, before any new live trade is
 * read (the stream reads the next frame only once this returns), so the bars come out as if nothing was missed.
 * An instrument OKX refuses or leaves unanswered is stopped alone; the runner stops once all are.
 */
final class LiveFeed implements OkxStreamListener {

    private final LiveBars bars;
    private final OkxRestTrades rest;
    private final Consumer<Bar> completed;
    private final PrintWriter out;
    private final Set<String> symbols;
    private final Set<String> awaitingRepeat = new HashSet<>();
    private final Set<String> stopped = new LinkedHashSet<>();
    private final List<String> stopReasons = new ArrayList<>();
    // Written by the stream's callbacks, which come one at a time; read by the runner.
    private volatile long gapTrades;
    private volatile long unfilledGaps;

    LiveFeed(LiveBars bars, OkxRestTrades rest, Consumer<Bar> completed, PrintWriter out,
             Collection<String> symbols) {
        this.bars = bars;
        this.rest = rest;
        this.completed = completed;
        this.out = out;
        this.symbols = Set.copyOf(symbols);
    }

    @Override
    public void onEvent(OkxEvent event) {
        if (event instanceof OkxEvent.Trades trades) {
            String instId = trades.arg().instId();
            if (!symbols.contains(instId)) {
                return; // the stream drops instruments it did not subscribe to; this is only a second guard
            }
            boolean repeat = awaitingRepeat.remove(instId);
            for (OkxTrade t : trades.trades()) {
                List<Bar> done = repeat ? bars.addRepeat(instId, t.tradeId(), t.count(), trade(t))
                        : bars.add(instId, t.tradeId(), t.count(), trade(t));
                done.forEach(completed);
            }
        } else if (event instanceof OkxEvent.Subscribed s) {
            say("Subscribed to " + s.arg());
            if (s.arg().channel().equals(OkxChannels.TRADES) && symbols.contains(s.arg().instId())) {
                fillGap(s.arg().instId());
                awaitingRepeat.add(s.arg().instId());
            }
        } else if (event instanceof OkxEvent.ServerError e) {
            say("OKX error " + e.code() + ": " + e.message());
        } else if (event instanceof OkxEvent.Notice n) {
            say("OKX notice " + n.code() + ": " + n.message());
        }
    }

    /** After a reconnect: the trades since the newest one seen, from OKX's REST API, into the bars. */
    private void fillGap(String instId) {
        String after = bars.newestTradeId(instId);
        if (after == null) {
            return; // the first subscription: there is no gap, only a start
        }
        try {
            OkxRestTrades.Gap gap = rest.since(instId, after);
            for (OkxTrade t : gap.trades()) {
                bars.add(instId, t.tradeId(), t.count(), trade(t)).forEach(completed);
            }
            gapTrades += gap.trades().size();
            if (!gap.reachedStart()) {
                unfilledGaps++;
            }
            say("Fetched " + gap.trades().size() + " trades of " + instId + " after trade " + after + " over REST"
                    + (gap.reachedStart() ? "" : "; OKX's pages did not reach back that far, some may be missing"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unfilledGaps++;
        } catch (RuntimeException e) {
            unfilledGaps++;
            say("Could not fetch the trades of " + instId + " missed after trade " + after + ": " + e.getMessage());
        }
    }

    /** The engine's trade of an OKX one; {@link OkxTrade} checks price and amount as {@link Trade} does. */
    private static Trade trade(OkxTrade t) {
        return new Trade(t.time(), t.price(), t.amount());
    }

    @Override
    public void onConnected(URI endpoint, int connection) {
        awaitingRepeat.clear();
        say("Connected to " + endpoint + (connection > 1 ? " (connection " + connection + ")" : ""));
    }

    @Override
    public void onDisconnected(String reason, Duration reconnectIn) {
        say("Disconnected: " + reason + "; reconnecting in " + reconnectIn.toMillis() + " ms");
    }

    @Override
    public void onSubscriptionRefused(OkxArg arg, OkxEvent.ServerError error) {
        stop(arg, "OKX refused the subscription to " + arg + " (" + error.code() + ": " + error.message()
                + "): check paper_trading.symbols");
    }

    @Override
    public void onSubscriptionUnanswered(OkxArg arg, Duration waited) {
        stop(arg, "OKX did not answer the subscription to " + arg + " within " + waited.toMillis()
                + " ms (paper_trading.okx_subscribe_timeout_ms)");
    }

    private void stop(OkxArg arg, String reason) {
        synchronized (stopped) {
            stopped.add(arg.instId());
            stopReasons.add(reason);
        }
        say(reason + (allStopped() ? "" : "; going on with the other symbols"));
    }

    /** Whether every symbol was refused or left unanswered: nothing more will come. */
    boolean allStopped() {
        synchronized (stopped) {
            return stopped.containsAll(symbols);
        }
    }

    /** Why symbols were stopped, one reason each, in the order it happened. */
    String stopReasons() {
        synchronized (stopped) {
            return String.join("; ", stopReasons);
        }
    }

    /** Trades fetched over REST after reconnects, and gaps that could not be fetched in full. */
    long gapTrades() {
        return gapTrades;
    }

    long unfilledGaps() {
        return unfilledGaps;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
