package io.omega.evaluator.loop;

import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.DeflatedSharpeRatio;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.id.EventIds;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The {@code Evaluation} records the worker publishes: a completed evaluation, or a failure and its reason. */
final class EvaluationRecords {

    private final Clock clock;

    EvaluationRecords(Clock clock) {
        this.clock = clock;
    }

    Evaluation completed(EvaluationOutcome o, String reportUri) {
        return new Evaluation(EventIds.next(clock.millis()), clock.instant(), o.candidate().modelType(),
                o.candidate().version(), o.production().map(ModelEvaluation::version).orElse(null),
                EvaluationStatus.COMPLETED, o.from(), o.to(), metrics(o.candidate()),
                o.production().map(EvaluationRecords::metrics).orElse(Map.of()),
                Recommendation.valueOf(o.recommendation().name()), reportUri, null);
    }

    Evaluation failed(String modelType, String version, String baselineVersion, String reason) {
        return new Evaluation(EventIds.next(clock.millis()), clock.instant(), modelType, version, baselineVersion,
                EvaluationStatus.FAILED, null, null, Map.of(), Map.of(), null, null, reason);
    }

    /** The design's metrics, plus the confidence figures under their own names. */
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
