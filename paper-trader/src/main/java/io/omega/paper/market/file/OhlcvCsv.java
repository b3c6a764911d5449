package io.omega.paper.market.file;

import java.util.List;

/**
 * OHLCV candles as CSV. With a header (told apart from data by its first field, which is not a timestamp), the
 * columns are found by name, case-insensitively: a time column (timestamp, time, date or open_time), open, high,
 * low, close and volume; other columns are ignored. Without one, the layout is told by the number of fields: 6 is
 * {@code timestamp, open, high, low, close, volume}, 12 is Binance's kline layout ({@code open_time, open, high,
 * low, close, volume, close_time, quote_volume, trades, taker_buy_base, taker_buy_quote, ignore}), which is also
 * what Binance's files with a header name their columns.
 */
final class OhlcvCsv {

    static final int BINANCE_FIELDS = 12;
    private static final int PLAIN_FIELDS = 6;

    /** Where the columns are, what to call them in errors, and how to describe the layout. */
    private record Layout(int[] columns, String timeName, int width, String description) {
    }

    private OhlcvCsv() {
    }

    /** Reads the candles after {@code first}, the file's first line (a header or the first row). */
    static FileMarket read(CsvReader csv, CsvReader.Line first, String symbol) {
        boolean headed = !TimestampReader.looksLikeTimestamp(first.fields().get(0));
        Layout layout = headed ? named(CsvHeader.of(first)) : positional(first);
        TimestampReader times = new TimestampReader();
        CandleSeries series = new CandleSeries(csv.fileName());
        CsvReader.Line line = headed ? csv.next() : first;
        for (; line != null; line = csv.next()) {
            series.add(candle(line, layout, times));
        }
        if (times.kind() == null) {
            throw new MarketFileException(csv.fileName() + ": a header and no rows");
        }
        return series.finish(layout.description + ", timestamps in " + times.kind().description(), symbol);
    }

    private static Layout named(CsvHeader header) {
        int time = header.timeColumn();
        int[] columns = {time, header.column("open"), header.column("high"), header.column("low"),
                header.column("close"), header.column("volume")};
        boolean binance = header.names().size() == BINANCE_FIELDS && header.has("close_time")
                && header.has("quote_volume");
        return new Layout(columns, header.names().get(time), header.names().size(),
                (binance ? "Binance klines as CSV" : "OHLCV candles as CSV") + " with a header");
    }

    private static Layout positional(CsvReader.Line first) {
        int width = first.fields().size();
        if (width == BINANCE_FIELDS) {
            return new Layout(new int[] {0, 1, 2, 3, 4, 5}, "open_time", width, "Binance klines as CSV without a header");
        }
        if (width == PLAIN_FIELDS) {
            return new Layout(new int[] {0, 1, 2, 3, 4, 5}, "timestamp", width, "OHLCV candles as CSV without a header");
        }
        throw first.row().problem("no header and " + width + " fields: expected a header naming the columns (trades always need one), 6 "
                + "fields (timestamp, open, high, low, close, volume) or Binance's 12 kline fields");
    }

    private static Candle candle(CsvReader.Line line, Layout layout, TimestampReader times) {
        List<String> f = line.fields();
        if (f.size() != layout.width) {
            throw line.row().problem("expected " + layout.width + " fields, got " + f.size());
        }
        int[] c = layout.columns;
        RowRef row = line.row();
        return Candle.checked(row, times.read(row, layout.timeName, f.get(c[0])),
                Fields.number(row, "open", f.get(c[1])), Fields.number(row, "high", f.get(c[2])),
                Fields.number(row, "low", f.get(c[3])), Fields.number(row, "close", f.get(c[4])),
                Fields.number(row, "volume", f.get(c[5])));
    }
}
