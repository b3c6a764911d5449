package io.omega.evaluator.evaluate;

import io.omega.learning.artifact.LoadedModel;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Bars;
import io.omega.learning.backtest.ClassProbabilities;
import io.omega.learning.backtest.DataWindow;
import io.omega.learning.backtest.WalkForwardGuard;
import io.omega.learning.dataset.LoggedBars;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.metrics.DeflatedSharpeRatio;
import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.PerformanceCalculator;
import io.omega.learning.metrics.PerformanceMetrics;
import io.omega.learning.metrics.Recommendation;
import io.omega.learning.metrics.RecommendationThresholds;
import io.omega.learning.metrics.TradeBootstrap;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.learning.rules.MomentumRules;
import io.omega.store.DecisionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Evaluates a candidate: backtests a candidate and the current production model on the same bars of
 * the same window, which lies after the candidate's (and production's) training and validation data: the test
 * part of its data range and anything logged since. Both are loaded with their checksums verified. The champion
 * the candidate must beat is production, or the engine's rules ({@link MomentumRules}, reported as version
 * {@code rules}) when there is none; the outcome carries the edge test of the candidate over {@code candidatesTried}
 * trials and the paired improvement test over the champion on the same bars.
 *
 * <p>The window is one symbol's production decisions (the symbol with most rows): a backtest is one account
 * trading one instrument. Each decision is its bar: the price it logged is the close, and the open, high and low it
 * logged beside its features ({@link LoggedBars}) are where the next fill and the stops and targets are tested, as
 * the paper broker does through the same execution model.
 */
public final class ModelEvaluator {

    /** What an evaluation does, in order. */
    public static final List<String> STAGES = List.of("loading models", "reading experience", "predicting",
            "backtesting");

    private static final int BOOTSTRAP_RESAMPLES = 2_000;
    private static final double CONFIDENCE = 0.95;
    private static final long BOOTSTRAP_SEED = 42;

    private final ExperienceStore store;
    private final ModelArtifactStore artifacts;
    private final BacktestSettings settings;
    private final RecommendationThresholds thresholds;

    public ModelEvaluator(ExperienceStore store, ModelArtifactStore artifacts, BacktestSettings settings,
                          RecommendationThresholds thresholds) {
        NativeRuntime.ensureConfigured();
        this.store = store;
        this.artifacts = artifacts;
        this.settings = settings;
        this.thresholds = thresholds;
    }

    /**
     * @param production    the production version to compare with, if any (ignored when it is the candidate itself)
     * @param candidatesTried how many candidates of this type were tried, for the deflated Sharpe ratio (>= 1)
     */
    public EvaluationOutcome evaluateModel(String modelType, String version, Optional<String> production,
                                           int daysBack, int candidatesTried) {
        return evaluateModel(modelType, version, production, daysBack, candidatesTried, stage -> { });
    }

    /** The same, telling {@code progress} as each of its {@link #STAGES} begins (the CLI draws a bar from it). */
    public EvaluationOutcome evaluateModel(String modelType, String version, Optional<String> production,
                                           int daysBack, int candidatesTried, Consumer<String> progress) {
        return evaluateModel(modelType, version, production, daysBack, candidatesTried, false, progress);
    }

    /**
     * The same, on the candidate's own held-out data only when {@code onlyUpToCandidateData}: bars after the last one
     * it was built from are left out, so that the verdict on a new candidate depends on what it was trained and tested
     * on, not on how much the sink has filed since (the evaluator worker judges each new candidate this way; {@code
     * omega evaluate} backtests a model on everything after its training window).
     */
    public EvaluationOutcome evaluateModel(String modelType, String version, Optional<String> production,
                                           int daysBack, int candidatesTried, boolean onlyUpToCandidateData,
                                           Consumer<String> progress) {
        progress.accept(STAGES.get(0));
        ModelType type = ModelType.parse(modelType);
        LoadedModel candidate = artifacts.loadModel(type, version);
        Optional<LoadedModel> baseline = production.filter(p -> !p.equals(version)).map(p -> artifacts.loadModel(type, p));

        Instant start = testStart(candidate);
        if (baseline.isPresent() && testStart(baseline.get()).isAfter(start)) {
            start = testStart(baseline.get());
        }
        progress.accept(STAGES.get(1));
        List<MarketRow> rows = productionRows(daysBack);
        String symbol = rows.stream().collect(Collectors.groupingBy(MarketRow::symbol, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no decisions logged in the last " + daysBack
                        + " day(s) to evaluate " + modelType + " " + version + " on"));
        List<MarketRow> series = rows.stream().filter(r -> r.symbol().equals(symbol)).toList();

        progress.accept(STAGES.get(2));
        TreeMap<Long, ModelSignals.Prediction> byCandidate = ModelSignals.predict(candidate, series, null);
        Optional<TreeMap<Long, ModelSignals.Prediction>> byBaseline =
                baseline.map(b -> ModelSignals.predict(b, series, null));
        long from = start.toEpochMilli();
        long to = onlyUpToCandidateData ? Instant.parse(candidate.metadata().dataRange().to()).toEpochMilli()
                : Long.MAX_VALUE;
        long[] times = byCandidate.subMap(from, true, to, true).keySet().stream()
                .filter(t -> byBaseline.map(b -> b.containsKey(t)).orElse(true)).mapToLong(Long::longValue).toArray();
        if (times.length < 2) {
            throw new IllegalStateException("too little data after the training window to evaluate " + modelType + " "
                    + version + ": " + times.length + " bar(s) of " + symbol + " from " + start + " in the last "
                    + daysBack + " day(s); at least 2 are needed");
        }
        DataWindow window = new DataWindow(Instant.ofEpochMilli(times[0]), Instant.ofEpochMilli(times[times.length - 1]));
        WalkForwardGuard.requireAfterTraining(trainingWindow(candidate), window);
        baseline.ifPresent(b -> WalkForwardGuard.requireAfterTraining(trainingWindow(b), window));

        progress.accept(STAGES.get(3));
        Bars bars = LoggedBars.at(times, series);
        long barMillis = bars.medianStepMillis();
        double periodsPerYear = PerformanceCalculator.periodsPerYear24x7(barMillis);
        int trials = Math.max(1, candidatesTried);
        ModelEvaluation scored = score(modelType, version, bars, probabilities(times, byCandidate), periodsPerYear, trials);
        Optional<ModelEvaluation> productionScored = byBaseline.map(b -> score(modelType, production.orElseThrow(), bars,
                probabilities(times, b), periodsPerYear, 1));
        ModelEvaluation champion = productionScored.orElseGet(() -> scoreRules(modelType, bars, times, series,
                periodsPerYear));
        double[] candidateReturns = PerformanceCalculator.perBarReturns(scored.backtest().equity());
        EdgeTest edge = EdgeTest.run(candidateReturns, trials);
        PairedImprovementTest improvement = PairedImprovementTest.run(candidateReturns,
                PerformanceCalculator.perBarReturns(champion.backtest().equity()));
        return new EvaluationOutcome(symbol, window.from(), window.to(), times.length, barMillis, scored,
                productionScored, Recommendation.of(scored.metrics(), edge, thresholds), champion, edge, improvement);
    }

    /**
     * The engine's rules backtested on the same bars, the champion when there is no production model: a first
     * model must beat what the engine already trades.
     */
    private ModelEvaluation scoreRules(String type, Bars bars, long[] times, List<MarketRow> series,
                                       double periodsPerYear) {
        Map<Long, Map<String, Double>> features = new HashMap<>();
        for (MarketRow row : series) {
            features.put(row.time().toEpochMilli(), row.features());
        }
        List<Map<String, Double>> byBar = new ArrayList<>(times.length);
        for (long t : times) {
            byBar.add(features.getOrDefault(t, Map.of()));
        }
        return score(type, MomentumRules.CHAMPION_VERSION, bars, MomentumRules.predictAll(byBar), periodsPerYear, 1);
    }

    private ModelEvaluation score(String type, String version, Bars bars, ClassProbabilities probabilities,
                                  double periodsPerYear, int trials) {
        BacktestResult result = new Backtester(settings).run(bars, probabilities);
        PerformanceMetrics metrics = PerformanceCalculator.evaluate(result, periodsPerYear);
        return new ModelEvaluation(type, version, result, metrics,
                new TradeBootstrap(BOOTSTRAP_RESAMPLES, CONFIDENCE, BOOTSTRAP_SEED).run(result, periodsPerYear),
                DeflatedSharpeRatio.compute(PerformanceCalculator.perBarReturns(result.equity()), trials, Double.NaN));
    }

    private List<MarketRow> productionRows(int daysBack) {
        List<MarketRow> rows = new ArrayList<>();
        for (DecisionRow d : store.load(ExperienceKind.DECISIONS, daysBack).requireComplete().rows()) {
            if (!d.isShadow()) {
                rows.add(new MarketRow(d.symbol(), d.eventTime(), d.price(), d.marketFeatures()));
            }
        }
        rows.sort(Comparator.comparing(MarketRow::time));
        return rows;
    }

    /** The test part starts after the training and validation data: the first instant a backtest may use. */
    private static Instant testStart(LoadedModel model) {
        return Instant.parse(model.metadata().dataRange().testStart());
    }

    private static DataWindow trainingWindow(LoadedModel model) {
        var range = model.metadata().dataRange();
        return new DataWindow(Instant.parse(range.from()), testStart(model).minusMillis(1));
    }

    private static ClassProbabilities probabilities(long[] times, TreeMap<Long, ModelSignals.Prediction> predictions) {
        double[] pLong = new double[times.length];
        double[] pShort = new double[times.length];
        double[] pFlat = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            ModelSignals.Prediction p = predictions.get(times[i]);
            pLong[i] = clamp(p.longProbability());
            pShort[i] = clamp(p.shortProbability());
            pFlat[i] = clamp(1 - pLong[i] - pShort[i]);
        }
        return new ClassProbabilities(pLong, pShort, pFlat);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
