package io.omega.paper;

import io.omega.config.OmegaConfig;
import io.omega.config.PaperTradingConfig;
import io.omega.paper.market.Bar;
import io.omega.schemas.serde.OmegaSerdes;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The engine on bundled real market data ({@link ReplayData}: Bitstamp's BTC trades as one-minute bars by default,
 * or Binance US's five-minute ETH candles) replayed at {@code paper_trading.replay_speed} market seconds per
 * wall-clock second, decisions from the baseline until the registry promotes a model of
 * {@code modelType}, shadow predictions from the newest candidate when {@code enable_shadow_mode} is on. It replays
 * whatever {@code paper_trading.market_data} says: choosing between this and {@link LiveRunner} is the caller's.
 */
public final class ReplayRunner {

    private ReplayRunner() {
    }

    /** Replays until the data ends or {@code stop} says so; returns what the trader did. */
    public static PaperTrader.Stats run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                        BooleanSupplier stop) throws InterruptedException {
        return run(config, serdes, modelType, out, stop, null, trader -> { });
    }

    /**
     * The same, with the bars' times shifted so that the replay ends at {@code endAt} (null: the market's own 2013
     * times), and {@code started} told of the trader once it exists (to watch its progress). Shifting matters
     * wherever "the last N days" is asked of the logged experience, as training does.
     */
    public static PaperTrader.Stats run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                        BooleanSupplier stop, java.time.Instant endAt,
                                        java.util.function.Consumer<PaperTrader> started) throws InterruptedException {
        return run(config, serdes, modelType, out, stop, endAt, started, ReplayData.BITSTAMP_BTC_TRADES);
    }

    /** The same, replaying {@code data}: bundled, generated or the user's own. */
    public static PaperTrader.Stats run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                        BooleanSupplier stop, java.time.Instant endAt,
                                        java.util.function.Consumer<PaperTrader> started, BarSource data)
            throws InterruptedException {
        return run(config, serdes, modelType, out, stop, endAt, started, data, ReplayPacing.NONE);
    }

    /** The same, telling {@code pacing} after each bar (it may hold the replay back). */
    public static PaperTrader.Stats run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                        BooleanSupplier stop, java.time.Instant endAt,
                                        java.util.function.Consumer<PaperTrader> started, BarSource data,
                                        ReplayPacing pacing) throws InterruptedException {
        return run(config, serdes, modelType, out, stop, endAt, started, data, config.paperTrading().symbols().get(0),
                pacing);
    }

    /** The same, naming the replayed series {@code symbol} (a user's own file names none). */
    public static PaperTrader.Stats run(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                        BooleanSupplier stop, java.time.Instant endAt,
                                        java.util.function.Consumer<PaperTrader> started, BarSource data,
                                        String symbol, ReplayPacing pacing) throws InterruptedException {
        PaperTradingConfig pt = config.paperTrading();
        Duration barLength = data.barLength();
        List<Bar> bars = data.bars(symbol);
        if (endAt != null) {
            Duration shift = Duration.between(bars.get(bars.size() - 1).start().plus(barLength), endAt);
            bars = bars.stream().map(b -> new Bar(b.symbol(), b.start().plus(shift), b.open(), b.high(), b.low(),
                    b.close(), b.volume(), b.trades())).toList();
        }
        try (TraderSession session = TraderSession.open(config, serdes, modelType, barLength)) {
            PaperTrader trader = session.trader();
            started.accept(trader);
            out.printf("Replaying %d %s (%s .. %s) as %s at %.0fx%n", bars.size(), data.description(),
                    bars.get(0).start(), bars.get(bars.size() - 1).start(), symbol, pt.replaySpeed());
            if (endAt != null) {
                out.println("(market times shifted to end now, so the loop sees them as the last days' trading)");
            }
            out.flush();
            long pause = (long) (barLength.toNanos() / pt.replaySpeed());
            long next = System.nanoTime();
            for (Bar bar : bars) {
                if (stop.getAsBoolean()) {
                    break;
                }
                trader.onBar(bar);
                long before = System.nanoTime();
                pacing.afterBar(trader);
                next += pause + (System.nanoTime() - before); // time held back is not made up in a burst
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return trader.stats();
        }
    }
}
