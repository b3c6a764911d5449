package io.omega.learning.dataset;

import io.omega.config.TrainingConfig.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds time-ordered windows from logged decisions.
 *
 * <p>Policies, all causal so that data arriving later never changes an earlier window:
 * <ul>
 *   <li>Rows are grouped by symbol and ordered by time; a second row with the same symbol and time is a duplicate
 *       and dropped (the first one in input order wins).</li>
 *   <li>A gap is a step between consecutive rows larger than {@link DatasetSpec#maxStep()} (or, when that is not
 *       given, {@code gapFactor} times the symbol's median step). A gap ends a segment; windows and their labels
 *       lie inside one segment.</li>
 *   <li>A missing, NaN or infinite feature is carried forward from the symbol's last observed value for at most
 *       {@code maxForwardFill} consecutive rows; after that (or with nothing to carry) the row is dropped and ends
 *       the segment like a gap. A row with a non-finite or non-positive price is dropped the same way.</li>
 *   <li>{@code direction}: class UP (1) when the price {@code horizon} rows ahead is higher, DOWN (0) when lower.
 *       Windows whose price does not change at all are left out (a sign of zero is no direction); the report counts
 *       them. A FLAT decision is the live engine's call from the model's confidence, not a trained class.</li>
 *   <li>{@code return}: {@code price[t+h] / price[t] - 1}.</li>
 *   <li>{@code outcome}: class WIN (1) when the trade opened by the window's last decision made {@code pnl > 0},
 *       else LOSS (0); windows whose last decision has no known outcome are left out. The window still needs its
 *       {@code horizon} rows ahead, so the purge gap of the split holds for every target.</li>
 * </ul>
 */
public final class DatasetBuilder {

    public static final List<String> DIRECTION_CLASSES = List.of("DOWN", "UP");
    public static final List<String> OUTCOME_CLASSES = List.of("LOSS", "WIN");

    public WindowedDataset buildFromLogs(Collection<MarketRow> rows, DatasetSpec spec) {
        Map<String, List<MarketRow>> bySymbol = new TreeMap<>();
        for (MarketRow row : rows) {
            bySymbol.computeIfAbsent(row.symbol(), s -> new ArrayList<>()).add(row);
        }
        Counters counters = new Counters();
        counters.rowsRead = rows.size();
        List<Segment> segments = new ArrayList<>();
        Map<String, Duration> maxSteps = new LinkedHashMap<>();
        for (Map.Entry<String, List<MarketRow>> entry : bySymbol.entrySet()) {
            List<MarketRow> series = dedupe(entry.getValue(), counters);
            Duration maxStep = spec.maxStep() != null ? spec.maxStep() : inferMaxStep(series, spec.gapFactor());
            maxSteps.put(entry.getKey(), maxStep);
            segments.addAll(new SegmentCutter(entry.getKey(), spec, maxStep, counters).cut(series));
        }
        segments.removeIf(s -> s.length() < spec.rowsPerSample());
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            addSamples(s, segments.get(s), spec, samples, counters);
        }
        samples.sort(Comparator.comparing(Sample::endTime).thenComparing(x -> segments.get(x.segment()).symbol()));
        BuildReport report = new BuildReport(counters.rowsRead, counters.duplicates, counters.badPrice,
                counters.unfillable, counters.filled, counters.gaps, segments.size(), counters.flat,
                counters.withoutOutcome, maxSteps);
        if (samples.isEmpty()) {
            int longest = counters.longestSegment;
            throw new InsufficientDataException(String.format(
                    "too little data to build windows: %d rows for %d symbol(s), longest contiguous run %d rows; "
                            + "one window needs %d contiguous rows (window %d + horizon %d)%s",
                    rows.size(), bySymbol.size(), longest, spec.rowsPerSample(), spec.windowSize(),
                    spec.predictionHorizon(), describeDrops(report)));
        }
        List<String> classes = switch (spec.target()) {
            case DIRECTION -> DIRECTION_CLASSES;
            case OUTCOME -> OUTCOME_CLASSES;
            case RETURN -> List.of();
        };
        return new WindowedDataset(spec, segments, samples, classes, report);
    }

    private static String describeDrops(BuildReport r) {
        return String.format(" (gaps %d, duplicate rows %d, bad-price rows %d, rows with unfillable features %d, "
                        + "windows without price change %d, windows without outcome %d)",
                r.gaps(), r.duplicateRows(), r.badPriceRows(), r.unfillableRows(), r.flatSkipped(), r.withoutOutcomeSkipped());
    }

    private static List<MarketRow> dedupe(List<MarketRow> rows, Counters counters) {
        List<MarketRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(MarketRow::time)); // stable: the first logged of equal times stays first
        List<MarketRow> out = new ArrayList<>(sorted.size());
        for (MarketRow row : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).time().equals(row.time())) {
                counters.duplicates++;
            } else {
                out.add(row);
            }
        }
        return out;
    }

    static Duration inferMaxStep(List<MarketRow> series, double gapFactor) {
        if (series.size() < 2) {
            return Duration.ofMillis(Long.MAX_VALUE / 4);
        }
        long[] steps = new long[series.size() - 1];
        for (int i = 1; i < series.size(); i++) {
            steps[i - 1] = Duration.between(series.get(i - 1).time(), series.get(i).time()).toMillis();
        }
        Arrays.sort(steps);
        long median = steps[steps.length / 2];
        return Duration.ofMillis(Math.max(1, Math.round(median * gapFactor)));
    }

    private static void addSamples(int index, Segment segment, DatasetSpec spec, List<Sample> out, Counters counters) {
        int window = spec.windowSize();
        int horizon = spec.predictionHorizon();
        for (int end = window - 1; end + horizon < segment.length(); end++) {
            double now = segment.prices()[end];
            double ahead = segment.prices()[end + horizon];
            double ret = ahead / now - 1;
            Instant endTime = segment.times()[end];
            Instant labelTime = segment.times()[end + horizon];
            TargetType target = spec.target();
            switch (target) {
                case DIRECTION -> {
                    if (ahead == now) {
                        counters.flat++;
                    } else {
                        out.add(new Sample(index, end, endTime, labelTime, ahead > now ? 1 : 0, ret));
                    }
                }
                case RETURN -> out.add(new Sample(index, end, endTime, labelTime, -1, ret));
                case OUTCOME -> {
                    Double pnl = segment.outcomes()[end];
                    if (pnl == null || !Double.isFinite(pnl)) {
                        counters.withoutOutcome++;
                    } else {
                        out.add(new Sample(index, end, endTime, labelTime, pnl > 0 ? 1 : 0, pnl));
                    }
                }
            }
        }
    }

    static final class Counters {
        int rowsRead;
        int duplicates;
        int badPrice;
        int unfillable;
        int filled;
        int gaps;
        int flat;
        int withoutOutcome;
        int longestSegment;
    }
}
