package io.omega.paper;

import io.omega.config.OmegaConfig;
import io.omega.config.PaperTradingConfig;
import io.omega.paper.market.LiveBars;
import io.omega.paper.market.okx.OkxArg;
import io.omega.paper.market.okx.OkxEndpoints;
import io.omega.paper.market.okx.OkxMarketStream;
import io.omega.paper.market.okx.OkxStreamSettings;
import io.omega.paper.market.okx.OkxStreamStats;
import io.omega.schemas.serde.OmegaSerdes;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The engine on OKX's live public trades ({@code paper_trading.market_data: okx}): the {@code trades} channel of
 * every {@code paper_trading.symbols} (OKX instrument ids such as {@code BTC-USDT-SWAP}) from
 * {@code paper_trading.okx_ws_url}, one-minute bars per symbol, each completed bar to the same trader, decisions
 * and watcher as {@link ReplayRunner}. A bar completes when the first trade of the next minute arrives. Runs until
 * {@code stop} says so; stops with an error naming the subscription when OKX refuses one.
 */
public final class LiveRunner {

    private static final Duration BAR = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 50;

    /** What the trader did, what the stream did, and the trades dropped for arriving out of order. */
    public record Result(PaperTrader.Stats trader, OkxStreamStats stream, long lateTrades) {
    }

    private LiveRunner() {
    }

    public static Result run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                             BooleanSupplier stop) throws InterruptedException {
        return run(config, serdes, modelType, out, stop, UnaryOperator.identity(), trader -> { });
    }

    /**
     * The same, with the stream's settings adjusted by {@code tune} (keep-alive and backoff timings) and
     * {@code started} told of the trader once it exists.
     */
    public static Result run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                             BooleanSupplier stop, UnaryOperator<OkxStreamSettings> tune,
                             Consumer<PaperTrader> started) throws InterruptedException {
        PaperTradingConfig pt = config.paperTrading();
        List<OkxArg> subscriptions = pt.symbols().stream().map(OkxArg::trades).toList();
        OkxEndpoints endpoints;
        try {
            endpoints = OkxEndpoints.fromPublic(pt.okxWsUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paper_trading.okx_ws_url: " + e.getMessage(), e);
        }
        OkxStreamSettings settings = tune.apply(OkxStreamSettings.of(endpoints, subscriptions));
        try (TraderSession session = TraderSession.open(config, serdes, modelType, BAR)) {
            PaperTrader trader = session.trader();
            started.accept(trader);
            LiveBars bars = new LiveBars(pt.symbols(), BAR);
            LiveFeed feed = new LiveFeed(bars, trader, out);
            OkxStreamStats streamed;
            try (OkxMarketStream stream = new OkxMarketStream(settings, feed)) {
                out.printf("Streaming OKX trades of %s from %s into one-minute bars (Ctrl-C to stop)%n",
                        String.join(", ", pt.symbols()), settings.endpoint());
                out.flush();
                stream.start();
                while (!stop.getAsBoolean()) {
                    String refused = feed.refusal();
                    if (refused != null) {
                        throw new IllegalStateException(refused);
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                stream.close();
                streamed = stream.stats();
            }
            out.printf("OKX stream: %d trades in %d frames, %d connections (%d reconnects, %d failed attempts), "
                            + "%d OKX errors, %d malformed frames, %d pings and %d pongs, %d late trades dropped%n",
                    streamed.trades(), streamed.frames(), streamed.connects(), streamed.reconnects(),
                    streamed.connectFailures(), streamed.serverErrors(), streamed.malformedFrames(),
                    streamed.pingsSent(), streamed.pongsReceived(), bars.lateTrades());
            out.flush();
            return new Result(trader.stats(), streamed, bars.lateTrades());
        }
    }
}
