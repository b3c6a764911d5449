package io.omega.controller.view;

import io.omega.controller.promotion.Champion;
import io.omega.controller.promotion.PromotionCriteria;
import io.omega.controller.promotion.PromotionPolicy;
import io.omega.schemas.event.Evaluation;
import io.omega.schemas.event.ExitReason;
import io.omega.schemas.event.Outcome;
import io.omega.schemas.event.EvaluationStatus;
import io.omega.schemas.event.Recommendation;
import io.omega.schemas.event.RegistryEvent;
import io.omega.schemas.event.RegistryEventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearningViewTest {

    private static final Instant T0 = Instant.parse("2025-01-24T12:00:00Z");

    private final LearningView view = new LearningView(50, new PromotionPolicy(new PromotionCriteria(1.0, 55.0, 20.0,
            30, 0.05, 0.05, 0.05)));

    @Test
    void theBestCandidateIsTheBestThatPassesTheGateNotTheLuckiest() {
        candidate("lucky", 3, 100.0, 4.0, 0.39, 0.20);   // 3 trades, no edge: fails
        assertThat(view.bestCandidate("cnn", "sharpe_ratio")).isEmpty();

        candidate("solid", 40, 58.0, 1.5, 0.01, 0.02);
        candidate("better", 45, 57.0, 1.8, 0.004, 0.01);
        candidate("noisy", 60, 62.0, 2.5, 0.001, 0.30); // no better than the rules on its bars: fails
        var best = view.bestCandidate("cnn", "sharpe_ratio").orElseThrow();
        assertThat(best.version()).isEqualTo("better");
        assertThat(best.gate().promote()).isTrue();
        assertThat(view.models("cnn").stream().filter(m -> m.version().equals("lucky")).findFirst().orElseThrow()
                .gate().reason()).isEqualTo("not promoted: backtest trades 3 < 30; edge test: p=0.39 > 0.05 over 5 "
                + "trials; improvement test over the rules: p=0.2 > 0.05 (mean per-bar return difference +0.0010 %)");
    }

    @Test
    void backfilledOutcomesAreNotLiveTrades() {
        view.apply(new Outcome("o-1", "t-1", T0, "BTC", 100.0, 5.0, 0.5, 60_000L, ExitReason.TP, "cnn", "v1", false));
        view.apply(new Outcome("o-2", "t-2", T0.plusSeconds(60), "BTC", 100.0, -5.0, -0.5, 60_000L, ExitReason.SL,
                "cnn", "v1", true));

        assertThat(view.loggedTrades()).isEqualTo(1);
        assertThat(view.lastTrade()).contains(T0);
    }

    private void candidate(String version, int trades, double winRate, double sharpe, double edgeP, double improvementP) {
        view.apply(new RegistryEvent("e-" + version, T0, "c-" + version, RegistryEventType.REGISTERED, "cnn", version,
                null, null, "trainer", null, null, Map.of(), Map.of(), null, null));
        view.apply(new Evaluation("ev-" + version, T0, "cnn", version, null, EvaluationStatus.COMPLETED, T0, T0,
                Map.of("total_trades", (double) trades, "win_rate", winRate, "sharpe_ratio", sharpe, "max_drawdown", 5.0,
                        "edge_p_value", edgeP, "edge_trials", 5.0), Map.of(), Recommendation.MONITOR, null, null,
                Champion.RULES, Map.of("sharpe_ratio", 0.2),
                Map.of("p_value", improvementP, "mean_difference", 1.0e-5)));
    }
}
