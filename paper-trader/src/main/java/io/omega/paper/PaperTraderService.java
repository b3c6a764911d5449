package io.omega.paper;

import io.omega.config.OmegaConfig;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.BackgroundLoop;
import io.omega.service.Health;
import io.omega.service.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The paper trader as a {@link Service}: a replay or OKX's live stream on its own thread until it is closed, or until
 * a replay reaches the end of its data, which ends the service (and, under the runner, the process, with status 0).
 */
public final class PaperTraderService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(PaperTraderService.class);
    /** Enough to close the market stream and flush the experiences the trader logged. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** A run of the engine that goes on until {@code stop} says so, or its bars end. */
    @FunctionalInterface
    public interface Run {
        PaperTrader.Stats run(java.util.function.BooleanSupplier stop) throws Exception;
    }

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final BackgroundLoop loop;
    private volatile PaperTrader.Stats stats;

    public PaperTraderService(Run run) {
        this.loop = new BackgroundLoop("omega-paper-trader", () -> stats = run.run(stopping::get));
    }

    /** Replays {@code data} named {@code symbol}, its times shifted to end at {@code endAt} (null: its own times). */
    public static PaperTraderService replay(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out,
                                            Instant endAt, BarSource data, String symbol) {
        Replay replay = Replay.of(data).named(symbol);
        Replay shifted = endAt == null ? replay : replay.endingAt(endAt);
        return new PaperTraderService(stop -> new ReplayRunner(config, serdes, modelType, out).run(shifted, stop));
    }

    /** Trades OKX's live public trades of {@code paper_trading.symbols}. */
    public static PaperTraderService live(OmegaConfig config, OmegaSerdes serdes, String modelType, PrintWriter out) {
        return new PaperTraderService(stop -> LiveRunner.run(config, serdes, modelType, out, stop).trader());
    }

    /** What the trader did, once its run has returned. */
    public Optional<PaperTrader.Stats> stats() {
        return Optional.ofNullable(stats);
    }

    @Override
    public String name() {
        return "paper-trader";
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public Health health() {
        return loop.health();
    }

    @Override
    public CompletionStage<Void> ended() {
        return loop.ended();
    }

    @Override
    public void close() {
        stopping.set(true);
        try {
            if (!loop.awaitEnded(STOP_WAIT)) {
                LOG.warn("the paper trader did not stop within {} s", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
