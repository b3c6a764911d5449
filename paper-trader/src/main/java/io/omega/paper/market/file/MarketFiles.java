package io.omega.paper.market.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A user's own market data, for replay: OHLCV candles as CSV (Binance's kline layout included), freqtrade's JSON
 * candles, Parquet candles, or trades as CSV aggregated to bars. The format is told from the content (Parquet's
 * magic bytes, a JSON array, else CSV: its header, or the number of fields without one) and the {@code .parquet}
 * extension. Every malformed row stops the load with an error naming the file, the row and the field.
 */
public final class MarketFiles {

    /** The bar length trades are aggregated to when none is asked for. */
    public static final Duration DEFAULT_TRADE_BAR = Duration.ofMinutes(1);
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private MarketFiles() {
    }

    /** The file's bars, named {@code symbol}; trades become one-minute bars. */
    public static FileMarket load(Path file, String symbol) {
        return load(file, symbol, null);
    }

    /**
     * The same, trades aggregated to {@code tradeBarLength} (null: {@link #DEFAULT_TRADE_BAR}). Candles have the
     * length their data shows, so asking one of a candle file is an error rather than something silently ignored.
     */
    public static FileMarket load(Path file, String symbol, Duration tradeBarLength) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new MarketFileException(file + ": no such file");
        }
        FileMarket market = switch (kind(file)) {
            case PARQUET -> ParquetCandles.read(file, symbol);
            case JSON -> FreqtradeJson.read(file, symbol);
            case CSV -> csv(file, symbol, tradeBarLength);
        };
        if (tradeBarLength != null && !market.format().startsWith("trades")) {
            throw new MarketFileException(name + ": a bar length applies to trades only; these candles are "
                    + BarLengths.format(market.barLength()) + " long, as their timestamps show");
        }
        return market;
    }

    private enum Kind { PARQUET, JSON, CSV }

    private static Kind kind(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (Arrays.equals(head, 0, Math.min(4, head.length), PARQUET_MAGIC, 0, 4)
                || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return Kind.PARQUET;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.isEmpty()) {
            throw new MarketFileException(file.getFileName() + ": empty file");
        }
        return text.startsWith("[") ? Kind.JSON : Kind.CSV;
    }

    private static FileMarket csv(Path file, String symbol, Duration tradeBarLength) {
        try (CsvReader csv = new CsvReader(file)) {
            CsvReader.Line first = csv.next();
            if (!TimestampReader.looksLikeTimestamp(first.fields().get(0))) {
                CsvHeader header = CsvHeader.of(first);
                if (TradesCsv.isTradesHeader(header)) {
                    return TradesCsv.read(csv, header, symbol,
                            tradeBarLength != null ? tradeBarLength : DEFAULT_TRADE_BAR);
                }
            }
            return OhlcvCsv.read(csv, first, symbol);
        }
    }
}
