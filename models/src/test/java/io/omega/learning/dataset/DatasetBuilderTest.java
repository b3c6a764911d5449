package io.omega.learning.dataset;

import static io.omega.learning.dataset.SyntheticRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.config.TrainingConfig.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {

    private final DatasetBuilder builder = new DatasetBuilder();

    private static DatasetSpec spec(int window, int horizon, TargetType target, String... features) {
        return new DatasetSpec(List.of(features), window, horizon, target, null, 3.0, 2, 0.15, 0.15, 1);
    }

    private static List<MarketRow> rising(String symbol, int from, int count) {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(row(symbol, i, 100 + i + (i % 3 == 0 ? -5 : 0), i, 10 * i));
        }
        return rows;
    }

    @Test
    void windowsHoldTheRawRowsInTimeOrderWithDirectionLabels() {
        List<MarketRow> rows = new ArrayList<>(rising("BTC", 0, 30));
        java.util.Collections.reverse(rows); // input order must not matter
        WindowedDataset ds = builder.buildFromLogs(rows, spec(5, 2, TargetType.DIRECTION, "f0", "f1"));

        // ends 4..27 are possible (27 + 2 = 29 is the last row): 24 windows, none flat
        assertThat(ds.samples()).hasSize(24);
        assertThat(ds.classes()).containsExactly("DOWN", "UP");
        Sample first = ds.samples().get(0);
        assertThat(first.end()).isEqualTo(4);
        assertThat(ds.window(first)).isEqualTo(new double[][] {{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, 40}});
        for (Sample s : ds.samples()) {
            int end = s.end();
            double now = 100 + end + (end % 3 == 0 ? -5 : 0);
            int a = end + 2;
            double ahead = 100 + a + (a % 3 == 0 ? -5 : 0);
            assertThat(s.classLabel()).isEqualTo(ahead > now ? 1 : 0);
            assertThat(s.value()).isCloseTo(ahead / now - 1, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(s.labelTime()).isEqualTo(SyntheticRows.START.plus(Duration.ofMinutes(a)));
        }
        assertThat(ds.samples()).isSortedAccordingTo(java.util.Comparator.comparing(Sample::endTime));
    }

    @Test
    void noWindowOrLabelSpansAGap() {
        List<MarketRow> rows = new ArrayList<>(rising("BTC", 0, 20));
        rows.addAll(rising("BTC", 30, 20)); // a 11-minute step: gap (median step 1 min, factor 3)
        WindowedDataset ds = builder.buildFromLogs(rows, spec(5, 2, TargetType.RETURN, "f0", "f1"));

        assertThat(ds.report().gaps()).isEqualTo(1);
        assertThat(ds.segments()).hasSize(2);
        // 20 rows per segment: ends 4..17 -> 14 windows each
        assertThat(ds.samples()).hasSize(28);
        for (Sample s : ds.samples()) {
            Instant[] times = ds.segments().get(s.segment()).times();
            Instant windowStart = times[s.end() - 4];
            assertThat(Duration.between(windowStart, s.labelTime())).isEqualTo(Duration.ofMinutes(6));
        }
    }

    @Test
    void explicitMaxStepDefinesTheGap() {
        List<MarketRow> rows = new ArrayList<>(rising("BTC", 0, 20));
        rows.addAll(rising("BTC", 22, 20)); // a 3-minute step
        DatasetSpec strict = spec(5, 2, TargetType.RETURN, "f0").withMaxStep(Duration.ofMinutes(2));
        DatasetSpec lax = spec(5, 2, TargetType.RETURN, "f0").withMaxStep(Duration.ofMinutes(3));
        assertThat(builder.buildFromLogs(rows, strict).report().gaps()).isEqualTo(1);
        assertThat(builder.buildFromLogs(rows, lax).report().gaps()).isZero();
        assertThat(builder.buildFromLogs(rows, lax).samples()).hasSize(40 - 6);
    }

    @Test
    void missingFeaturesAreCarriedForwardAtMostTwiceThenBreakTheSeries() {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Double> f = new HashMap<>();
            f.put("a", (double) i);
            boolean missing = (i >= 10 && i < 12) || (i >= 25 && i < 28);
            if (!missing) {
                f.put("b", (double) -i);
            } else if (i == 11) {
                f.put("b", Double.NaN);
            }
            rows.add(new MarketRow("ETH", SyntheticRows.START.plus(Duration.ofMinutes(i)), 50 + i, f));
        }
        WindowedDataset ds = builder.buildFromLogs(rows, spec(4, 1, TargetType.DIRECTION, "a", "b"));

        // rows 10, 11 filled from row 9; rows 25, 26 filled; row 27 cannot be (third in a row): dropped, series cut
        assertThat(ds.report().filledValues()).isEqualTo(4);
        assertThat(ds.report().unfillableRows()).isEqualTo(1);
        assertThat(ds.segments()).hasSize(2);
        assertThat(ds.segments().get(0).length()).isEqualTo(27);
        assertThat(ds.segments().get(1).length()).isEqualTo(12);
        Sample at11 = ds.samples().stream().filter(s -> s.segment() == 0 && s.end() == 11).findFirst().orElseThrow();
        assertThat(ds.window(at11)).isEqualTo(new double[][] {{8, -8}, {9, -9}, {10, -9}, {11, -9}});
    }

    @Test
    void aFeatureMissingFromTheStartCannotBeFilled() {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new MarketRow("SOL", SyntheticRows.START.plus(Duration.ofMinutes(i)), 10 + i,
                    i == 0 ? Map.of("a", 1.0) : Map.of("a", 1.0, "b", 2.0)));
        }
        WindowedDataset ds = builder.buildFromLogs(rows, spec(3, 1, TargetType.DIRECTION, "a", "b"));
        assertThat(ds.report().unfillableRows()).isEqualTo(1);
        assertThat(ds.segments().get(0).times()[0]).isEqualTo(SyntheticRows.START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void duplicatesBadPricesAndFlatWindowsAreDroppedAndCounted() {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double price = i < 10 ? 100 : 100 + i; // rows 0..9 constant: windows looking at them are flat
            rows.add(row("BTC", i, price, i));
        }
        rows.add(row("BTC", 5, 999, 999)); // duplicate time: the first logged wins
        rows.add(row("XRP", 0, Double.NaN, 1));
        WindowedDataset ds = builder.buildFromLogs(rows, spec(3, 2, TargetType.DIRECTION, "f0"));
        assertThat(ds.report().duplicateRows()).isEqualTo(1);
        assertThat(ds.report().badPriceRows()).isEqualTo(1);
        // ends 2..27 = 26 windows; ends 2..7 have price[end+2] == price[end] (both in the flat part)
        assertThat(ds.report().flatSkipped()).isEqualTo(6);
        assertThat(ds.samples()).hasSize(20);
        assertThat(ds.window(ds.samples().get(0))[0][0]).isEqualTo(6.0);
    }

    @Test
    void outcomeTargetUsesTheTradeResultOfTheWindowsLastDecision() {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Double pnl = i % 4 == 0 ? (i % 8 == 0 ? 5.0 : -2.0) : null;
            rows.add(new MarketRow("BTC", SyntheticRows.START.plus(Duration.ofMinutes(i)), 100 + i,
                    Map.of("f0", (double) i), pnl));
        }
        WindowedDataset ds = builder.buildFromLogs(rows, spec(3, 1, TargetType.OUTCOME, "f0"));
        assertThat(ds.classes()).containsExactly("LOSS", "WIN");
        // ends 2..18; with outcomes at 4, 8, 12, 16
        assertThat(ds.samples()).extracting(Sample::end).containsExactly(4, 8, 12, 16);
        assertThat(ds.samples()).extracting(Sample::classLabel).containsExactly(0, 1, 0, 1);
        assertThat(ds.report().withoutOutcomeSkipped()).isEqualTo(13);
    }

    @Test
    void tooLittleDataNamesTheCountsFoundAndNeeded() {
        List<MarketRow> rows = new ArrayList<>(rising("BTC", 0, 8));
        rows.addAll(rising("BTC", 20, 9));
        assertThatThrownBy(() -> builder.buildFromLogs(rows, spec(50, 10, TargetType.DIRECTION, "f0")))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("17 rows for 1 symbol(s)")
                .hasMessageContaining("longest contiguous run 9 rows")
                .hasMessageContaining("needs 60 contiguous rows (window 50 + horizon 10)")
                .hasMessageContaining("gaps 1");
    }

    @Test
    void removingDataAfterTimeTLeavesEveryEarlierWindowAndLabelUnchanged() {
        List<MarketRow> all = new ArrayList<>();
        all.addAll(SyntheticRows.randomWalk("BTC", 400, 1));
        all.addAll(SyntheticRows.randomWalk("ETH", 400, 2));
        // a hole and some missing values so every policy is exercised
        all.removeIf(r -> r.symbol().equals("ETH") && r.time().isAfter(SyntheticRows.START.plus(Duration.ofMinutes(150)))
                && r.time().isBefore(SyntheticRows.START.plus(Duration.ofMinutes(160))));
        List<MarketRow> withMissing = new ArrayList<>();
        for (MarketRow r : all) {
            long minute = Duration.between(SyntheticRows.START, r.time()).toMinutes();
            if (minute % 37 == 0) {
                Map<String, Double> f = new HashMap<>(r.features());
                f.remove("noise");
                withMissing.add(new MarketRow(r.symbol(), r.time(), r.price(), f));
            } else {
                withMissing.add(r);
            }
        }
        Instant t = SyntheticRows.START.plus(Duration.ofMinutes(250));
        List<MarketRow> truncated = withMissing.stream().filter(r -> !r.time().isAfter(t)).toList();

        for (DatasetSpec spec : List.of(
                spec(20, 5, TargetType.DIRECTION, "ret", "trend", "noise").withMaxStep(Duration.ofMinutes(2)),
                spec(20, 5, TargetType.RETURN, "ret", "trend", "noise"))) {
            WindowedDataset full = builder.buildFromLogs(withMissing, spec);
            WindowedDataset cut = builder.buildFromLogs(truncated, spec);
            Map<String, Sample> fullByKey = new HashMap<>();
            for (Sample s : full.samples()) {
                fullByKey.put(full.segments().get(s.segment()).symbol() + "@" + s.endTime(), s);
            }
            long beforeT = full.samples().stream().filter(s -> !s.labelTime().isAfter(t)).count();
            assertThat(cut.samples()).hasSize((int) beforeT).hasSizeGreaterThan(300);
            for (Sample s : cut.samples()) {
                Sample same = fullByKey.get(cut.segments().get(s.segment()).symbol() + "@" + s.endTime());
                assertThat(same).as("window ending %s", s.endTime()).isNotNull();
                assertThat(cut.window(s)).isEqualTo(full.window(same));
                assertThat(s.classLabel()).isEqualTo(same.classLabel());
                assertThat(s.value()).isEqualTo(same.value());
                assertThat(s.labelTime()).isEqualTo(same.labelTime());
            }
        }
    }
}
