package io.omega.evaluator.evaluate;

import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.Recommendation;

import java.time.Instant;
import java.util.Optional;

/**
 * The result of {@link ModelEvaluator#evaluateModel}: the candidate and (when there is one) production, scored on the same
 * bars of the same walk-forward window, and the recommendation for the candidate.
 *
 * @param bars        bars in the window on which both models had a prediction
 * @param barMillis   the bar length the Sharpe ratio is annualised by (365 × bars per day)
 * @param champion    what the candidate must beat on these bars: production, or the rules when there is none
 * @param edge        whether the candidate has an edge at all, over the candidates tried
 * @param improvement whether the candidate beats the champion on these bars
 */
public record EvaluationOutcome(String symbol, Instant from, Instant to, int bars, long barMillis,
                                ModelEvaluation candidate, Optional<ModelEvaluation> production,
                                Recommendation recommendation, ModelEvaluation champion, EdgeTest edge,
                                PairedImprovementTest improvement) {
}
