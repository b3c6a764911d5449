package io.omega.controller.promotion;

import io.omega.schemas.event.Evaluation;

import java.util.Map;
import java.util.Optional;

/**
 * What a candidate had to beat on its evaluation window, as the evaluator reports it.
 *
 * @param version    the production version, or {@link #RULES} when there was no production model
 * @param metrics    the champion's metrics on the window
 * @param comparison the paired improvement test of the candidate over it ({@code p_value}, {@code mean_difference},
 *                   ...)
 */
public record Champion(String version, Map<String, Double> metrics, Map<String, Double> comparison) {

    /** The version name under which the evaluator reports the engine's rules. */
    public static final String RULES = "rules";

    public Champion {
        metrics = Map.copyOf(metrics);
        comparison = Map.copyOf(comparison);
    }

    /** Empty for an evaluation from an evaluator that predates champions. */
    public static Optional<Champion> of(Evaluation evaluation) {
        if (evaluation.getChampionVersion() == null) {
            return Optional.empty();
        }
        return Optional.of(new Champion(evaluation.getChampionVersion(), evaluation.getChampionMetrics(),
                evaluation.getComparison()));
    }

    /** How a reason names it: "the rules" or "production 20250120_100000". */
    public String describe() {
        return RULES.equals(version) ? "the rules" : "production " + version;
    }
}
