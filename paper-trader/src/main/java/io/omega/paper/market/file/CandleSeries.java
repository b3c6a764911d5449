package io.omega.paper.market.file;

import io.omega.paper.market.Bar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a candle file's rows in a series, whatever the format: rows must come in time order (one out of order stops
 * the load, naming it); a row repeating the previous row's timestamp with the same values is dropped and counted,
 * with different values it stops the load naming both rows (which one is right cannot be told). The bar length is
 * the median step between rows, so that a few gaps do not change it; a step shorter than it means overlapping
 * candles and stops the load.
 */
final class CandleSeries {

    private final String fileName;
    private final List<Candle> candles = new ArrayList<>();
    private int duplicates;
    private final List<String> duplicateExamples = new ArrayList<>();

    CandleSeries(String fileName) {
        this.fileName = fileName;
    }

    void add(Candle candle) {
        if (!candles.isEmpty()) {
            Candle previous = candles.get(candles.size() - 1);
            int order = candle.start().compareTo(previous.start());
            if (order < 0) {
                throw candle.row().problem("timestamp " + candle.start() + " is before " + previous.start() + " of "
                        + previous.row().place() + ": rows must be in time order");
            }
            if (order == 0) {
                if (!candle.sameValues(previous)) {
                    throw candle.row().problem("timestamp " + candle.start() + " repeats " + previous.row().place()
                            + " with different values");
                }
                duplicates++;
                if (duplicateExamples.size() < SeriesReport.EXAMPLES) {
                    duplicateExamples.add(candle.row().place() + " repeats " + previous.row().place());
                }
                return;
            }
        }
        candles.add(candle);
    }

    FileMarket finish(String format, String symbol) {
        if (candles.size() < 2) {
            throw new MarketFileException(fileName + ": " + candles.size() + " candle(s): at least 2 are needed to "
                    + "tell the bar length");
        }
        Duration barLength = medianStep();
        List<Instant> starts = new ArrayList<>(candles.size());
        List<Bar> bars = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            if (i > 0 && Duration.between(candles.get(i - 1).start(), c.start()).compareTo(barLength) < 0) {
                throw c.row().problem("starts " + BarLengths.format(Duration.between(candles.get(i - 1).start(),
                        c.start())) + " after " + candles.get(i - 1).row().place() + ", less than the bar length of "
                        + BarLengths.format(barLength) + " (the median step of this file): candles must not overlap");
            }
            starts.add(c.start());
            bars.add(c.bar(symbol));
        }
        return new FileMarket(fileName, format, bars, barLength,
                SeriesReport.of(starts, barLength, duplicates, duplicateExamples));
    }

    private Duration medianStep() {
        List<Duration> steps = new ArrayList<>(candles.size() - 1);
        for (int i = 1; i < candles.size(); i++) {
            steps.add(Duration.between(candles.get(i - 1).start(), candles.get(i).start()));
        }
        steps.sort(null);
        // the lower median: with as many gaps as regular steps, the regular step still wins
        return steps.get((steps.size() - 1) / 2);
    }
}
