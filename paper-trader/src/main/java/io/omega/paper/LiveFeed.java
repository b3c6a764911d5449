package io.omega.paper;

import io.omega.paper.market.LiveBars;
import io.omega.paper.market.okx.OkxArg;
import io.omega.paper.market.okx.OkxEvent;
import io.omega.paper.market.okx.OkxStreamListener;
import io.omega.paper.market.okx.OkxTrade;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Between the OKX stream and the trader: trades into bars, each completed bar to {@link PaperTrader#onBar}, and the
 * stream's connection news to the operator. A refused subscription is kept for the runner to stop on, since a
 * symbol OKX does not list would otherwise leave the engine waiting for trades forever.
 */
final class LiveFeed implements OkxStreamListener {

    private final LiveBars bars;
    private final PaperTrader trader;
    private final PrintWriter out;
    private final AtomicReference<String> refusal = new AtomicReference<>();

    LiveFeed(LiveBars bars, PaperTrader trader, PrintWriter out) {
        this.bars = bars;
        this.trader = trader;
        this.out = out;
    }

    @Override
    public void onEvent(OkxEvent event) {
        if (event instanceof OkxEvent.Trades trades) {
            for (OkxTrade t : trades.trades()) {
                bars.add(t.instId(), t.trade()).ifPresent(trader::onBar);
            }
        } else if (event instanceof OkxEvent.Subscribed s) {
            say("Subscribed to " + s.arg());
        } else if (event instanceof OkxEvent.ServerError e) {
            say("OKX error " + e.code() + ": " + e.message());
        } else if (event instanceof OkxEvent.Notice n) {
            say("OKX notice " + n.code() + ": " + n.message());
        }
    }

    @Override
    public void onConnected(URI endpoint, int connection) {
        say("Connected to " + endpoint + (connection > 1 ? " (connection " + connection + ")" : ""));
    }

    @Override
    public void onDisconnected(String reason, Duration reconnectIn) {
        say("Disconnected: " + reason + "; reconnecting in " + reconnectIn.toMillis() + " ms");
    }

    @Override
    public void onSubscriptionRefused(OkxArg arg, OkxEvent.ServerError error) {
        String message = "OKX refused the subscription to " + arg + " (" + error.code() + ": " + error.message()
                + "): check paper_trading.symbols";
        refusal.compareAndSet(null, message);
        say(message);
    }

    /** The first refused subscription, or null. */
    String refusal() {
        return refusal.get();
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
