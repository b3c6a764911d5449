package io.omega.learning.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cuts one symbol's time-ordered rows into segments at gaps, bad prices and unfillable features. */
final class SegmentCutter {

    private final String symbol;
    private final DatasetSpec spec;
    private final Duration maxStep;
    private final DatasetBuilder.Counters counters;

    private final List<Instant> times = new ArrayList<>();
    private final List<Double> prices = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<Double> outcomes = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private double[] last;
    private int[] filledInARow;

    SegmentCutter(String symbol, DatasetSpec spec, Duration maxStep, DatasetBuilder.Counters counters) {
        this.symbol = symbol;
        this.spec = spec;
        this.maxStep = maxStep;
        this.counters = counters;
    }

    List<Segment> cut(List<MarketRow> rows) {
        int featureCount = spec.features().size();
        for (MarketRow row : rows) {
            if (!times.isEmpty() && Duration.between(times.get(times.size() - 1), row.time()).compareTo(maxStep) > 0) {
                counters.gaps++;
                close();
            }
            if (!Double.isFinite(row.price()) || row.price() <= 0) {
                counters.badPrice++;
                close();
                continue;
            }
            if (last == null) {
                last = new double[featureCount];
                filledInARow = new int[featureCount];
                java.util.Arrays.fill(last, Double.NaN);
            }
            double[] rowValues = new double[featureCount];
            int filledHere = 0;
            boolean usable = true;
            for (int f = 0; f < featureCount; f++) {
                Double v = row.features().get(spec.features().get(f));
                if (v != null && Double.isFinite(v)) {
                    rowValues[f] = v;
                } else if (!Double.isNaN(last[f]) && filledInARow[f] < spec.maxForwardFill()) {
                    rowValues[f] = last[f];
                    filledHere++;
                } else {
                    usable = false;
                    break;
                }
            }
            if (!usable) {
                counters.unfillable++;
                close();
                continue;
            }
            for (int f = 0; f < featureCount; f++) {
                Double v = row.features().get(spec.features().get(f));
                filledInARow[f] = (v != null && Double.isFinite(v)) ? 0 : filledInARow[f] + 1;
                last[f] = rowValues[f];
            }
            counters.filled += filledHere;
            times.add(row.time());
            prices.add(row.price());
            values.add(rowValues);
            outcomes.add(row.outcomePnl());
        }
        close();
        return segments;
    }

    private void close() {
        if (!times.isEmpty()) {
            counters.longestSegment = Math.max(counters.longestSegment, times.size());
            segments.add(new Segment(symbol, times.toArray(new Instant[0]),
                    prices.stream().mapToDouble(Double::doubleValue).toArray(),
                    values.toArray(new double[0][]), outcomes.toArray(new Double[0])));
        }
        times.clear();
        prices.clear();
        values.clear();
        outcomes.clear();
        // Values are never carried across a break: after a gap the old value says nothing about the new run.
        last = null;
        filledInARow = null;
    }
}
