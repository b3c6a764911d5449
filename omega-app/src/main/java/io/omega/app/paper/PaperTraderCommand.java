package io.omega.app.paper;

import io.omega.app.ConfigOption;
import io.omega.config.OmegaConfig;
import io.omega.config.PaperTradingConfig;
import io.omega.paper.BarSource;
import io.omega.paper.PaperTraderService;
import io.omega.paper.ReplayData;
import io.omega.schemas.serde.OmegaSerdes;
import io.omega.service.ServiceRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code omega paper-trader}: the reference engine, on the market data {@code paper_trading.market_data} names: the
 * bundled real trades ({@code replay}, until they end or Ctrl-C) or OKX's live public trades ({@code okx}, until
 * Ctrl-C); or the user's own file ({@code --replay-file}), replayed whatever {@code market_data} says.
 */
@Command(name = "paper-trader", description = "Run the reference engine: replay real BTC trades (market_data: replay) "
        + "or your own file (--replay-file), or stream OKX's live trades (market_data: okx), decide with the production model (the baseline until one "
        + "is promoted), paper-trade, log every experience to Kafka.")
public final class PaperTraderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--model-type", defaultValue = "cnn", description = "which production model to follow (default: ${DEFAULT-VALUE})")
    String modelType;

    /** Where the replayed bars sit in time. */
    enum MarketTime { SHIFTED, ORIGINAL }

    @Option(names = "--market-time", defaultValue = "shifted", description = "replay only: shifted (the bars moved to "
            + "end now, so that the sink keeps them and training's days_back finds them) or original (the data's own "
            + "times; days older than self_learning.keep_logs_days are deleted by the sink) (default: ${DEFAULT-VALUE})")
    MarketTime marketTime;

    @Mixin
    ReplayFileOptions replayFile;

    @Option(names = "--replay-data", defaultValue = "bitstamp-btc-trades", converter = ReplayDataName.class,
            description = "replay only: bitstamp-btc-trades (about 100,000 BTC/USD trades, 25 Nov - 1 Dec 2013, as "
                    + "one-minute bars) or binance-eth-candles (580 five-minute ETH/USD candles, 13-15 Mar 2023) "
                    + "(default: ${DEFAULT-VALUE})")
    ReplayData replayData;

    /** The data's name on the command line: the enum's name in lower case, dashes for underscores. */
    static final class ReplayDataName implements CommandLine.ITypeConverter<ReplayData> {
        @Override
        public ReplayData convert(String value) {
            for (ReplayData data : ReplayData.values()) {
                if (name(data).equals(value)) {
                    return data;
                }
            }
            throw new CommandLine.TypeConversionException("unknown replay data '" + value + "': expected one of "
                    + java.util.Arrays.stream(ReplayData.values()).map(ReplayDataName::name).toList());
        }

        static String name(ReplayData data) {
            return data.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        replayFile.check(spec, "--replay-data", spec.commandLine().getParseResult().hasMatchedOption("--replay-data"));
        OmegaConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        String symbol = replayFile.symbol(loaded.paperTrading().symbols().get(0));
        BarSource data = replayFile.given() ? replayFile.load(symbol, out) : replayData;
        OmegaSerdes serdes = new OmegaSerdes(loaded.schemaRegistry());
        // a file asked for on the command line is replayed whatever market_data says
        PaperTraderService trader = loaded.paperTrading().marketData() == PaperTradingConfig.MarketDataSource.OKX
                && !replayFile.given()
                ? PaperTraderService.live(loaded, serdes, modelType, out)
                : PaperTraderService.replay(loaded, serdes, modelType, out,
                        marketTime == MarketTime.SHIFTED ? Instant.now() : null, data, symbol);
        new ServiceRunner(List.of(trader)).run(new ServiceRunner.Listener() {
            @Override
            public void stopped() {
                trader.stats().ifPresent(stats -> out.println("Paper trader stopped: " + stats));
                out.flush();
            }
        });
        return 0;
    }
}
