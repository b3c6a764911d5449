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
 * {@code modelType}, shadow predictions from the newest candidate when {@code enable_shadow_mode} is on; or any other
 * {@link Replay}. Choosing between this and {@link LiveRunner} is the caller's.
 */
public final class ReplayRunner {

    private final OmegaConfig config;
    private final OmegaSerdes serdes;
    private final String modelType;
    private final PrintWriter out;

    /** The engine of {@code config}, trading with {@code modelType}'s production model, reporting on {@code out}. */
    public ReplayRunner(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out) {
        this.config = config;
        this.serdes = serdes;
        this.modelType = modelType;
        this.out = out;
    }

    /** Replays until the data ends or {@code stop} says so; returns what the trader did. */
    public PaperTrader.Stats run(Replay replay, BooleanSupplier stop) throws InterruptedException {
        PaperTradingConfig pt = config.paperTrading();
        BarSource data = replay.data();
        String symbol = replay.symbol().orElse(pt.symbols().get(0));
        Duration barLength = data.barLength();
        List<Bar> bars = data.bars(symbol);
        if (replay.endAt().isPresent()) {
            Duration shift = Duration.between(bars.get(bars.size() - 1).start().plus(barLength), replay.endAt().get());
            bars = bars.stream().map(b -> new Bar(b.symbol(), b.start().plus(shift), b.open(), b.high(), b.low(),
                    b.close(), b.volume(), b.trades())).toList();
        }
        try (TraderSession session = TraderSession.open(config, serdes, modelType, barLength)) {
            PaperTrader trader = session.trader();
            replay.started().accept(trader);
            out.printf("Replaying %d %s (%s .. %s) as %s at %.0fx%n", bars.size(), data.description(),
                    bars.get(0).start(), bars.get(bars.size() - 1).start(), symbol, pt.replaySpeed());
            if (replay.endAt().isPresent()) {
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
                replay.pacing().afterBar(trader);
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
