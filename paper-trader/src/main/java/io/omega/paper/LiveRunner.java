package io.omega.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.config.OmegaConfig;
import io.omega.config.PaperTradingConfig;
import io.omega.exchange.okx.OkxArg;
import io.omega.exchange.okx.OkxEndpoints;
import io.omega.exchange.okx.OkxMarketStream;
import io.omega.exchange.okx.OkxRestTrades;
import io.omega.exchange.okx.OkxStreamSettings;
import io.omega.exchange.okx.OkxStreamStats;
import io.omega.paper.market.LiveBars;
import io.omega.schemas.serde.OmegaSerdes;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The engine on OKX's live public trades ({@code paper_trading.market_data: okx}): the {@code trades} channel of
 * every {@code paper_trading.symbols} (OKX instrument ids such as {@code BTC-USDT-SWAP}) from
 * {@code paper_trading.okx_ws_url}, one-minute bars per symbol, each completed bar to the same trader, decisions
 * and watcher as {@link ReplayRunner}. A bar completes when a trade more than
 * {@code paper_trading.okx_allowed_lateness_ms} past its end arrives (see {@link LiveBars}); after a reconnect the
 * trades missed are fetched from {@code paper_trading.okx_rest_url}. Runs until {@code stop} says so; a symbol OKX
 * refuses or leaves unanswered is dropped with a message, and the run stops with an error naming them once every
 * symbol is, after printing its summary.
 */
public final class LiveRunner {

    private static final Duration BAR = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 50;

    /**
     * What the trader did, what the stream did, what the bars left out (duplicates, trades too late, subscription
     * repeats) and how many trades were fetched over REST to fill gaps after reconnects.
     */
    public record Result(PaperTrader.Stats trader, OkxStreamStats stream, LiveBars.Counts bars, long gapTrades) {
    }

    /** How long one REST request for a gap may take: the stream reads nothing else meanwhile. */
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(5);

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
        OkxRestTrades rest;
        try {
            rest = new OkxRestTrades(new URI(pt.okxRestUrl()), HttpClient.newHttpClient(), new ObjectMapper(),
                    REST_TIMEOUT);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("paper_trading.okx_rest_url: " + e.getMessage(), e);
        }
        OkxStreamSettings settings = tune.apply(OkxStreamSettings.of(endpoints, subscriptions)
                .withSubscribeTimeout(Duration.ofMillis(pt.okxSubscribeTimeoutMs())));
        try (TraderSession session = TraderSession.open(config, serdes, modelType, BAR)) {
            PaperTrader trader = session.trader();
            started.accept(trader);
            LiveBars bars = new LiveBars(pt.symbols(), BAR, Duration.ofMillis(pt.okxAllowedLatenessMs()));
            LiveFeed feed = new LiveFeed(bars, rest, trader::onBar, out, pt.symbols());
            OkxStreamStats streamed;
            boolean allStopped = false;
            try (OkxMarketStream stream = new OkxMarketStream(settings, feed)) {
                out.printf("Streaming OKX trades of %s from %s into one-minute bars (Ctrl-C to stop)%n",
                        String.join(", ", pt.symbols()), settings.endpoint());
                out.flush();
                stream.start();
                while (!stop.getAsBoolean() && !(allStopped = feed.allStopped())) {
                    Thread.sleep(POLL_MILLIS);
                }
                stream.close();
                streamed = stream.stats();
            }
            LiveBars.Counts counts = bars.counts();
            out.printf("OKX stream: %d trades in %d frames, %d connections (%d reconnects, %d failed attempts), "
                            + "%d OKX errors, %d malformed frames, %d pings and %d pongs, %d refused and %d "
                            + "unanswered subscriptions, %d trades of unsubscribed instruments ignored%n",
                    streamed.trades(), streamed.frames(), streamed.connects(), streamed.reconnects(),
                    streamed.connectFailures(), streamed.serverErrors(), streamed.malformedFrames(),
                    streamed.pingsSent(), streamed.pongsReceived(), streamed.refusedSubscriptions(),
                    streamed.unansweredSubscriptions(), streamed.unsubscribedTrades());
            out.printf("Bars: %d duplicate trades dropped, %d trades more than %d ms late dropped, %d subscription "
                            + "repeats skipped, %d trades fetched over REST after reconnects (%d gaps not filled "
                            + "in full)%n",
                    counts.duplicateTrades(), counts.lateTrades(), pt.okxAllowedLatenessMs(), counts.skippedRepeats(),
                    feed.gapTrades(), feed.unfilledGaps());
            out.flush();
            if (allStopped) {
                throw new IllegalStateException(feed.stopReasons());
            }
            return new Result(trader.stats(), streamed, counts, feed.gapTrades());
        }
    }
}
