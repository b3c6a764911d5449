package io.omega.evaluator.loop;

import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.DeflatedSharpeRatio;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.id.EventIds;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The {@code Evaluation} records the worker publishes: a completed evaluation, or a failure and its reason. */
final class EvaluationRecords {

    /** The edge test's p-value and trial count, among the candidate's metrics. */
    static final String EDGE_P_VALUE = "edge_p_value";
    static final String EDGE_TRIALS = "edge_trials";

    private final Clock clock;

    EvaluationRecords(Clock clock) {
        this.clock = clock;
    }

    Evaluation completed(EvaluationOutcome o, String reportUri) {
        Map<String, Double> candidate = metrics(o.candidate());
        candidate.put(EDGE_P_VALUE, o.edge().pValue());
        candidate.put(EDGE_TRIALS, (double) o.edge().trials());
        return new Evaluation(EventIds.next(clock.millis()), clock.instant(), o.candidate().modelType(),
                o.candidate().version(), o.production().map(ModelEvaluation::version).orElse(null),
                EvaluationStatus.COMPLETED, o.from(), o.to(), candidate,
                o.production().map(EvaluationRecords::metrics).orElse(Map.of()),
                Recommendation.valueOf(o.recommendation().name()), reportUri, null, o.champion().version(),
                metrics(o.champion()), comparison(o.improvement()));
    }

    Evaluation failed(String modelType, String version, String baselineVersion, String reason) {
        return new Evaluation(EventIds.next(clock.millis()), clock.instant(), modelType, version, baselineVersion,
                EvaluationStatus.FAILED, null, null, Map.of(), Map.of(), null, null, reason, null, Map.of(),
                Map.of());
    }

    /** The paired improvement test, under the names of the {@code comparison} field. */
    static Map<String, Double> comparison(PairedImprovementTest t) {
        Map<String, Double> m = new HashMap<>();
        m.put("p_value", t.pValue());
        m.put("mean_difference", t.meanDifference());
        m.put("standard_error", t.standardError());
        m.put("lags", (double) t.lags());
        m.put("bars", (double) t.bars());
        return m;
    }

    /** The ten metrics of {@code PerformanceMetrics.asMap()}, plus the confidence figures under their own names. */
    static Map<String, Double> metrics(ModelEvaluation e) {
        Map<String, Double> m = new HashMap<>(e.metrics().asMap());
        BootstrapResult b = e.bootstrap();
        if (b != null) {
            m.put("bootstrap_win_rate_low", b.winRateLow());
            m.put("bootstrap_win_rate_high", b.winRateHigh());
            m.put("bootstrap_trade_sharpe_low", b.tradeSharpeLow());
            m.put("bootstrap_trade_sharpe_high", b.tradeSharpeHigh());
            m.put("p_value_no_edge", b.pValueNoEdge());
        }
        DeflatedSharpeRatio d = e.deflatedSharpe();
        if (d != null) {
            m.put("deflated_sharpe", d.probability());
            m.put("candidates_tried", (double) d.trials());
        }
        return m;
    }
}
