package io.omega.app.paper;

import io.omega.paper.market.file.BarLengths;
import io.omega.paper.market.file.FileMarket;
import io.omega.paper.market.file.MarketFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --replay-file FILE [--symbol S] [--bar-length L]}: the user's own market data in place of the bundled or
 * generated sets, for {@code omega paper-trader} and {@code omega demo}.
 */
public final class ReplayFileOptions {

    @Option(names = "--replay-file", paramLabel = "FILE", description = "replay this file of your own market data "
            + "instead: OHLCV candles as CSV (header detected; epoch s, ms or us, or ISO-8601; Binance klines with or "
            + "without a header), freqtrade JSON candles, Parquet candles (timestamp, open, high, low, close, volume), "
            + "or trades as CSV (timestamp, price, amount[, side, trade_id]) aggregated to bars")
    Path file;

    @Option(names = "--symbol", paramLabel = "S", description = "with --replay-file: the name of the series "
            + "(default: the first of paper_trading.symbols)")
    String symbol;

    @Option(names = "--bar-length", paramLabel = "LENGTH", converter = BarLengthConverter.class,
            description = "with a --replay-file of trades: the bars they are aggregated to, e.g. 30s, 1m, 5m, 1h "
                    + "(default: 1m; candles have the length their timestamps show)")
    Duration barLength;

    public static final class BarLengthConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return BarLengths.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Whether a file was asked for. */
    public boolean given() {
        return file != null;
    }

    /**
     * Refuses what cannot go together: --symbol or --bar-length without --replay-file, and --replay-file with
     * {@code other} (the command's own choice of data) when {@code otherGiven}.
     */
    public void check(CommandSpec spec, String other, boolean otherGiven) {
        if (file == null && (symbol != null || barLength != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), (symbol != null ? "--symbol" : "--bar-length")
                    + " applies to --replay-file only");
        }
        if (file != null && otherGiven) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--replay-file and " + other
                    + " both choose the market data: give one of them");
        }
    }

    /** The series' name: --symbol, or {@code configured} (the first of paper_trading.symbols). */
    public String symbol(String configured) {
        return symbol != null ? symbol : configured;
    }

    /** Loads the file, printing what it found on one line; a malformed file stops here, naming line and field. */
    public FileMarket load(String configuredSymbol, PrintWriter out) {
        FileMarket market = MarketFiles.load(file, symbol(configuredSymbol), barLength);
        out.println(market.report());
        out.flush();
        return market;
    }
}
