package io.omega.exchange.okx;

import java.util.List;

/** One frame received from OKX, parsed. */
public sealed interface OkxEvent {

    /** {@code {"event":"subscribe","arg":{...},"connId":"..."}}: OKX took a subscription. */
    record Subscribed(OkxArg arg, String connId) implements OkxEvent {
    }

    /** {@code {"event":"unsubscribe",...}}. */
    record Unsubscribed(OkxArg arg, String connId) implements OkxEvent {
    }

    /**
     * {@code {"event":"error","code":"60018","msg":"...","connId":"..."}}: OKX refused a request (a subscription to
     * an instrument it does not list, a malformed request, a rate limit). Which subscription is named by the message,
     * or by an {@code arg} when OKX adds one (then {@code arg} is not null, and the message may say no more than
     * "channel not found").
     */
    record ServerError(String code, String message, String connId, OkxArg arg) implements OkxEvent {

        public ServerError(String code, String message, String connId) {
            this(code, message, connId, null);
        }
    }

    /** {@code {"event":"notice","code":"64008",...}}: e.g. the connection is about to close for an upgrade. */
    record Notice(String code, String message, String connId) implements OkxEvent {
    }

    /** Any other event OKX may add (e.g. {@code channel-conn-count}); passed on, not acted upon. */
    record OtherEvent(String event, String connId) implements OkxEvent {
    }

    /** The text {@code pong}, OKX's answer to the text {@code ping}. */
    record Pong() implements OkxEvent {
    }

    record Trades(OkxArg arg, List<OkxTrade> trades) implements OkxEvent {
        public Trades {
            trades = List.copyOf(trades);
        }
    }

    record Tickers(OkxArg arg, List<OkxTicker> tickers) implements OkxEvent {
        public Tickers {
            tickers = List.copyOf(tickers);
        }
    }

    record Books(OkxArg arg, List<OkxBook> books) implements OkxEvent {
        public Books {
            books = List.copyOf(books);
        }
    }

    record Candles(OkxArg arg, List<OkxCandle> candles) implements OkxEvent {
        public Candles {
            candles = List.copyOf(candles);
        }
    }
}
