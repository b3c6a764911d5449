package io.omega.paper.market.file;

import io.omega.paper.market.Bar;
import io.omega.paper.market.BarAggregator;
import io.omega.paper.market.Trade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trades as CSV, with a header: a time column (timestamp, time or date), price and amount, optionally side (buy or
 * sell) and trade_id; aggregated by {@link BarAggregator} into epoch-aligned bars of the length asked for. Trades must
 * come in time order (several in one instant are normal). Without trade_id two equal rows are two trades; with it,
 * a trade_id seen before is a duplicate: dropped and counted when the row is the same, an error naming both lines
 * when it is not.
 */
final class TradesCsv {

    private static final Set<String> SIDES = Set.of("buy", "sell");

    /** One trade as the file wrote it, to tell a repeated row from a conflicting one. */
    private record Row(RowRef row, Instant time, double price, double amount, String side) {
        boolean sameTrade(Row other) {
            return time.equals(other.time) && price == other.price && amount == other.amount && side.equals(other.side);
        }
    }

    private TradesCsv() {
    }

    /** Whether a header names a trades file rather than candles. */
    static boolean isTradesHeader(CsvHeader header) {
        return header.has("price") && header.has("amount") && !header.has("open");
    }

    static FileMarket read(CsvReader csv, CsvHeader header, String symbol, Duration barLength) {
        int time = header.timeColumn();
        String timeName = header.names().get(time);
        int price = header.column("price");
        int amount = header.column("amount");
        int side = header.optional("side");
        int id = header.optional("trade_id");
        int width = header.names().size();
        TimestampReader times = new TimestampReader();
        BarAggregator aggregator = new BarAggregator(symbol, barLength);
        List<Bar> bars = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        int duplicates = 0;
        List<String> duplicateExamples = new ArrayList<>();
        Row previous = null;
        for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
            List<String> f = line.fields();
            RowRef ref = line.row();
            if (f.size() != width) {
                throw ref.problem("expected " + width + " fields, got " + f.size());
            }
            Row row = new Row(ref, times.read(ref, timeName, f.get(time)), positive(ref, "price", f.get(price)),
                    amount(ref, f.get(amount)), side < 0 ? "" : side(ref, f.get(side)));
            if (previous != null && row.time.isBefore(previous.time)) {
                throw ref.problem("timestamp " + row.time + " is before " + previous.time + " of "
                        + previous.row.place() + ": rows must be in time order");
            }
            if (id >= 0) {
                Row seen = byId.putIfAbsent(f.get(id), row);
                if (seen != null) {
                    if (!seen.sameTrade(row)) {
                        throw ref.field("trade_id", "'" + f.get(id) + "' repeats " + seen.row.place()
                                + " with different values");
                    }
                    duplicates++;
                    if (duplicateExamples.size() < SeriesReport.EXAMPLES) {
                        duplicateExamples.add(ref.place() + " repeats " + seen.row.place());
                    }
                    continue;
                }
            }
            previous = row;
            aggregator.add(new Trade(row.time, row.price, row.amount)).ifPresent(bars::add);
        }
        aggregator.flush().ifPresent(bars::add);
        if (bars.isEmpty()) {
            throw new MarketFileException(csv.fileName() + ": a header and no rows");
        }
        return new FileMarket(csv.fileName(), "trades as CSV, timestamps in " + times.kind().description()
                + ", aggregated to bars of " + BarLengths.format(barLength), bars, barLength,
                SeriesReport.of(bars.stream().map(Bar::start).toList(), barLength, duplicates, duplicateExamples));
    }

    private static double positive(RowRef row, String field, String raw) {
        double value = Fields.number(row, field, raw);
        if (!(value > 0)) {
            throw row.field(field, "must be positive and finite, got " + value);
        }
        return value;
    }

    private static double amount(RowRef row, String raw) {
        double value = Fields.number(row, "amount", raw);
        if (value < 0) {
            throw row.field("amount", "must be >= 0 and finite, got " + value);
        }
        return value;
    }

    private static String side(RowRef row, String raw) {
        String side = raw.toLowerCase(Locale.ROOT);
        if (!SIDES.contains(side)) {
            throw row.field("side", "expected buy or sell, got '" + raw + "'");
        }
        return side;
    }
}
