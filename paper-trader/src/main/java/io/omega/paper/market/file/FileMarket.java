package io.omega.paper.market.file;

import io.omega.paper.BarSource;
import io.omega.paper.market.Bar;

import java.time.Duration;
import java.util.List;

/**
 * A user's market file, loaded and checked: its bars (named by the symbol it was loaded for), their length, what
 * the file was ({@code format}, e.g. "OHLCV candles as CSV, timestamps in epoch milliseconds") and what loading
 * found ({@link #report()}).
 */
public record FileMarket(String fileName, String format, List<Bar> loaded, Duration barLength, SeriesReport findings)
        implements BarSource {

    public FileMarket {
        if (loaded.isEmpty()) {
            throw new MarketFileException(fileName + ": no rows");
        }
        loaded = List.copyOf(loaded);
    }

    /** The bars, named {@code symbol} (the file itself names no series). */
    @Override
    public List<Bar> bars(String symbol) {
        if (loaded.get(0).symbol().equals(symbol)) {
            return loaded;
        }
        return loaded.stream().map(b -> new Bar(symbol, b.start(), b.open(), b.high(), b.low(), b.close(), b.volume(),
                b.trades())).toList();
    }

    @Override
    public String description() {
        return "bars of " + BarLengths.format(barLength) + " from " + fileName;
    }

    /** The line printed at load: what the file is, how many bars of what length, gaps and duplicates. */
    public String report() {
        return "Loaded " + fileName + " (" + format + "): " + loaded.size() + " bars of " + BarLengths.format(barLength)
                + ", " + loaded.get(0).start() + " .. " + loaded.get(loaded.size() - 1).start() + "; "
                + findings.line();
    }
}
