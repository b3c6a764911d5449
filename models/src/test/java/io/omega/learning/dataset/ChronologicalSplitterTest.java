package io.omega.learning.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omega.config.TrainingConfig.TargetType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChronologicalSplitterTest {

    private final DatasetBuilder builder = new DatasetBuilder();
    private final ChronologicalSplitter splitter = new ChronologicalSplitter();

    private static DatasetSpec spec(int minPerSplit) {
        return new DatasetSpec(List.of("ret", "trend", "noise"), 20, 7, TargetType.RETURN, null, 3.0, 2, 0.15, 0.15,
                minPerSplit);
    }

    @Test
    void partsAreChronologicalWithAPurgeOfMoreThanTheHorizon() {
        List<MarketRow> rows = new ArrayList<>(SyntheticRows.randomWalk("BTC", 500, 1));
        rows.addAll(SyntheticRows.randomWalk("ETH", 500, 2));
        WindowedDataset ds = builder.buildFromLogs(rows, spec(10));
        DatasetSplit split = splitter.trainTestSplit(ds);

        // 500 rows per symbol -> ends 19..492 = 474 windows each, 948 in all
        assertThat(ds.samples()).hasSize(948);
        assertThat(split.train().size() + split.validation().size() + split.test().size() + split.purged()).isEqualTo(948);
        // the horizon is 7 steps: 7 windows per symbol lose their label to each of the two cuts
        assertThat(split.purged()).isEqualTo(2 * 2 * 7);
        assertThat(split.train()).allSatisfy(s -> assertThat(s.labelTime()).isBefore(split.validationStart()));
        assertThat(split.validation()).allSatisfy(s -> {
            assertThat(s.endTime()).isAfterOrEqualTo(split.validationStart());
            assertThat(s.labelTime()).isBefore(split.testStart());
        });
        assertThat(split.test()).allSatisfy(s -> assertThat(s.endTime()).isAfterOrEqualTo(split.testStart()));

        for (String symbol : List.of("BTC", "ETH")) {
            int lastTrain = maxEnd(ds, split.train(), symbol);
            int firstValidation = minEnd(ds, split.validation(), symbol);
            int lastValidation = maxEnd(ds, split.validation(), symbol);
            int firstTest = minEnd(ds, split.test(), symbol);
            assertThat(firstValidation - lastTrain).isGreaterThan(ds.spec().predictionHorizon());
            assertThat(firstTest - lastValidation).isGreaterThan(ds.spec().predictionHorizon());
        }
        assertThat(split.train().size()).isBetween(640, 670);
    }

    private static int maxEnd(WindowedDataset ds, List<Sample> part, String symbol) {
        return part.stream().filter(s -> ds.segments().get(s.segment()).symbol().equals(symbol))
                .mapToInt(Sample::end).max().orElseThrow();
    }

    private static int minEnd(WindowedDataset ds, List<Sample> part, String symbol) {
        return part.stream().filter(s -> ds.segments().get(s.segment()).symbol().equals(symbol))
                .mapToInt(Sample::end).min().orElseThrow();
    }

    @Test
    void tooFewWindowsForTheSplitGiveTheCounts() {
        WindowedDataset ds = builder.buildFromLogs(SyntheticRows.randomWalk("BTC", 100, 3), spec(20));
        assertThatThrownBy(() -> splitter.trainTestSplit(ds))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessageContaining("74 windows found")
                .hasMessageContaining("each part needs at least 20")
                .hasMessageMatching("(?s).*train \\d+, validation \\d+, test \\d+, 14 purged.*");
    }

    @Test
    void normalisationNeverSeesValidationOrTestRows() {
        List<MarketRow> rows = SyntheticRows.randomWalk("BTC", 400, 4);
        DatasetSpec spec = spec(10);
        DatasetSplit split = splitter.trainTestSplit(builder.buildFromLogs(rows, spec));
        NormalizationStats stats = new FeatureNormalizer().fit(split.dataset(), split.train());

        // Replace every row after the last training row with absurd values: the statistics must not move.
        var lastTrainRow = split.train().stream().mapToInt(Sample::end).max().orElseThrow();
        var cutTime = split.dataset().segments().get(0).times()[lastTrainRow];
        List<MarketRow> poisoned = rows.stream().map(r -> r.time().isAfter(cutTime)
                ? new MarketRow(r.symbol(), r.time(), r.price(), Map.of("ret", 1e9, "trend", -1e9, "noise", 1e12))
                : r).collect(Collectors.toList());
        DatasetSplit poisonedSplit = splitter.trainTestSplit(builder.buildFromLogs(poisoned, spec));
        NormalizationStats poisonedStats = new FeatureNormalizer().fit(poisonedSplit.dataset(), poisonedSplit.train());
        assertThat(poisonedStats.mean()).containsExactly(stats.mean());
        assertThat(poisonedStats.std()).containsExactly(stats.std());

        // And they are the plain mean and population std of the distinct training rows (0 .. lastTrainRow).
        assertThat(stats.rowsFitted()).isEqualTo(lastTrainRow + 1);
        double sum = 0;
        for (int i = 0; i <= lastTrainRow; i++) {
            sum += rows.get(i).features().get("noise");
        }
        assertThat(stats.mean()[2]).isCloseTo(sum / (lastTrainRow + 1), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aConstantFeatureNormalisesToZero() {
        List<MarketRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(SyntheticRows.row("BTC", i, 100 + Math.sin(i), 7.0));
        }
        DatasetSpec spec = new DatasetSpec(List.of("f0"), 10, 2, TargetType.RETURN, null, 3.0, 2, 0.15, 0.15, 5);
        DatasetSplit split = splitter.trainTestSplit(builder.buildFromLogs(rows, spec));
        NormalizationStats stats = new FeatureNormalizer().fit(split.dataset(), split.train());
        assertThat(stats.std()).containsExactly(1.0);
        assertThat(stats.apply(0, 7.0)).isZero();
    }
}
