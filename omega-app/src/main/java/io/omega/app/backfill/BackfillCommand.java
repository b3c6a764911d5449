package io.omega.app.backfill;

import io.omega.app.ConfigOption;
import io.omega.app.paper.ReplayFileOptions;
import io.omega.config.OmegaConfig;
import io.omega.paper.backfill.Backfill;
import io.omega.paper.backfill.LoggedEventIds;
import io.omega.paper.decide.BaselineRules;
import io.omega.paper.market.Bar;
import io.omega.paper.market.file.FileMarket;
import io.omega.paper.market.file.MarketFiles;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.store.ExperienceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code omega backfill}: a history for the loop to learn from on its first day. The rules trade the user's market
 * file at its own times ({@link Backfill}); the decisions, executions and outcomes they would have made go to the
 * experience topics marked backfilled, and the sink files them like any other. Events already in the experience files
 * are left out, so a file backfilled again lands nothing twice.
 */
@Command(name = "backfill", description = "Give the loop a history on day one: run the engine's rules over your own "
        + "market file at its original times and publish the decisions, executions and outcomes they would have made, "
        + "marked backfilled (training and backtests use them; a model's live record never counts them). Events "
        + "already in the experience files are left out: run it again only after the sink has caught up.")
public final class BackfillCommand implements Callable<Integer> {

    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "your market data: OHLCV candles "
            + "as CSV (header detected; epoch s, ms or us, or ISO-8601; Binance klines with or without a header), "
            + "freqtrade JSON candles, Parquet candles (timestamp, open, high, low, close, volume), or trades as CSV "
            + "(timestamp, price, amount[, side, trade_id]) aggregated to bars")
    Path file;

    @Option(names = "--symbol", paramLabel = "S", description = "the name of the series (default: the first of "
            + "paper_trading.symbols)")
    String symbol;

    @Option(names = "--bar-length", paramLabel = "LENGTH", converter = ReplayFileOptions.BarLengthConverter.class,
            description = "for a file of trades: the bars they are aggregated to, e.g. 30s, 1m, 5m, 1h (default: 1m; "
                    + "candles have the length their timestamps show)")
    Duration barLength;

    @Override
    public Integer call() throws InterruptedException {
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        String series = symbol != null ? symbol : loaded.paperTrading().symbols().get(0);
        FileMarket market = MarketFiles.load(file, series, barLength);
        out.println(market.report());
        List<Bar> bars = market.bars(series);
        Instant first = bars.get(0).start();
        Instant last = bars.get(bars.size() - 1).start().plus(market.barLength());
        warnAboutAge(loaded, first, last, out);
        Set<String> logged = new LoggedEventIds(new ExperienceStore(loaded.storage().dataDir())).between(first, last);
        out.printf("Backfilling %d bars of %s (%s .. %s) with the rules (%s %s), at their original times%n",
                bars.size(), series, first, last, BaselineRules.MODEL_TYPE, BaselineRules.VERSION);
        out.flush();

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // The JVM exits once the hooks return: waiting lets the run deliver what it has published so far.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "omega-backfill-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Backfill.Result result;
        try {
            result = new Backfill(loaded, new OmegaSerdes(loaded.schemaRegistry()))
                    .run(bars, market.barLength(), logged, stop::get);
        } finally {
            finished.countDown();
        }
        out.printf("Backfilled %s: %d bars, published %d decisions, %d executions, %d outcomes (backfilled); "
                        + "%d events already in the experience files left out%n", series, result.bars(),
                result.decisions(), result.executions(), result.outcomes(), result.alreadyLogged());
        out.flush();
        if (!result.delivered()) {
            spec.commandLine().getErr().printf("omega backfill: not every event reached Kafka: %s; run it again "
                    + "once the sink has caught up, to publish the rest%n", result.delivery());
            return 1;
        }
        return 0;
    }

    /** Says which part of the history the sink will delete and training will not read, and how to keep it. */
    private static void warnAboutAge(OmegaConfig config, Instant first, Instant last, PrintWriter out) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        int keep = config.selfLearning().keepLogsDays();
        LocalDate oldestKept = today.minusDays(keep);
        if (day(first).isBefore(oldestKept)) {
            out.printf("Note: the days before %s are older than self_learning.keep_logs_days (%d): the sink deletes "
                    + "them at its next retention pass. To keep them, raise keep_logs_days before backfilling%s.%n",
                    oldestKept, keep, day(last).isBefore(oldestKept) ? " (all of this file is older)" : "");
        }
        int daysBack = config.training().daysBack();
        LocalDate oldestTrained = today.minusDays(daysBack - 1L);
        if (day(first).isBefore(oldestTrained)) {
            out.printf("Note: training reads the last training.days_back (%d) days, from %s: raise it for training "
                    + "to use the older part of this history.%n", daysBack, oldestTrained);
        }
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
