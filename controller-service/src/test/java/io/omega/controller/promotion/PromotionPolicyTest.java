package io.omega.controller.promotion;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionPolicyTest {

    private final PromotionPolicy policy = new PromotionPolicy(new PromotionCriteria(1.0, 55.0, 20.0, 30, 0.05, 0.05,
            0.05));

    @Test
    void aGoodCandidateWithoutProductionMustBeatTheRules() {
        PromotionDecision d = policy.checkPromotionCriteria(metrics(40, 58.0, 1.3, 12.0, 0.004, 3),
                Optional.of(rules(0.4, 0.012, 0.0002)));
        assertThat(d.promote()).isTrue();
        assertThat(d.failures()).isEmpty();
        assertThat(d.reason()).isEqualTo("every criterion holds: Sharpe 1.30, win rate 58.00 %, max drawdown 12.00 %, "
                + "40 trades, edge test p=0.004 <= 0.05 over 3 trials, improvement test over the rules: p=0.012 <= 0.05 "
                + "(mean per-bar return difference +0.0200 %)");
    }

    @Test
    void everyFailedCriterionIsNamedWithItsFigure() {
        PromotionDecision d = policy.checkPromotionCriteria(metrics(12, 50.0, 0.4, 25.0, 0.39, 17),
                Optional.of(production("20250120_100000", 1.5, 0.83, -0.0001)));
        assertThat(d.promote()).isFalse();
        assertThat(d.failures()).containsExactly(
                "Sharpe 0.40 < 1.00",
                "win rate 50.00 % < 55.00 %",
                "max drawdown 25.00 % > 20.00 %",
                "backtest trades 12 < 30",
                "edge test: p=0.39 > 0.05 over 17 trials",
                "Sharpe 0.40 does not improve on production 20250120_100000's 1.50 by the required 0.05 (needs >= 1.58)",
                "improvement test over production 20250120_100000: p=0.83 > 0.05 (mean per-bar return difference "
                        + "-0.0100 %)");
        assertThat(d.reason()).startsWith("not promoted: Sharpe 0.40 < 1.00; win rate");
    }

    @Test
    void theBoundariesThemselvesPass() {
        // exactly the thresholds: Sharpe 1.0, win rate 55, drawdown 20, 30 trades, both p-values at 0.05;
        // production Sharpe 0.95 needs 1.0
        PromotionDecision d = policy.checkPromotionCriteria(metrics(30, 55.0, 1.0, 20.0, 0.05, 1),
                Optional.of(production("p", 0.95, 0.05, 0.0001)));
        assertThat(d.failures()).isEmpty();
        assertThat(d.promote()).isTrue();
        assertThat(d.reason()).contains("edge test p=0.05 <= 0.05 over 1 trial,");
    }

    @Test
    void aHigherSharpeOnOneWindowIsNotEnoughWithoutASignificantPairedDifference() {
        // Before the paired test, 1.60 against 1.20 was an improvement; on these bars the difference is noise.
        PromotionDecision d = policy.checkPromotionCriteria(metrics(40, 60.0, 1.6, 10.0, 0.001, 4),
                Optional.of(production("p", 1.2, 0.21, 0.00003)));
        assertThat(d.failures()).containsExactly(
                "improvement test over production p: p=0.21 > 0.05 (mean per-bar return difference +0.0030 %)");
    }

    @Test
    void aLuckyCandidateAmongManyFailsTheEdgeTestAlone() {
        PromotionDecision d = policy.checkPromotionCriteria(metrics(45, 62.0, 2.1, 8.0, 0.051, 17),
                Optional.of(rules(0.1, 0.001, 0.0004)));
        assertThat(d.failures()).containsExactly("edge test: p=0.051 > 0.05 over 17 trials");
    }

    @Test
    void improvementIsRelativeAboveASharpeOfOneAndAbsoluteBelow() {
        // production 2.0: needs 2.0 + 0.05 x 2.0 = 2.10
        assertThat(policy.checkPromotionCriteria(metrics(40, 60.0, 2.09, 10.0, 0.001, 1),
                Optional.of(production("p", 2.0, 0.001, 0.0001))).promote()).isFalse();
        assertThat(policy.checkPromotionCriteria(metrics(40, 60.0, 2.10, 10.0, 0.001, 1),
                Optional.of(production("p", 2.0, 0.001, 0.0001))).promote()).isTrue();
        // production -0.5: needs -0.5 + 0.05 x 1 = -0.45, which any candidate passing the absolute Sharpe bar beats
        assertThat(policy.checkPromotionCriteria(metrics(40, 60.0, 1.2, 10.0, 0.001, 1),
                Optional.of(production("p", -0.5, 0.001, 0.0001))).promote()).isTrue();
    }

    @Test
    void missingFiguresAreFailuresNotCrashes() {
        PromotionDecision d = policy.checkPromotionCriteria(Map.of(PromotionPolicy.WIN_RATE, 60.0), Optional.empty());
        assertThat(d.failures()).isEqualTo(List.of("candidate metrics have no total_trades",
                "candidate metrics have no sharpe_ratio", "candidate metrics have no max_drawdown",
                "edge test: the evaluation carries no edge_p_value and edge_trials",
                "improvement test: the evaluation names no champion to compare with"));
        PromotionDecision bare = policy.checkPromotionCriteria(metrics(40, 60.0, 1.2, 10.0, 0.001, 1),
                Optional.of(new Champion("p", Map.of(), Map.of())));
        assertThat(bare.failures()).containsExactly("production p has no sharpe_ratio to compare with",
                "improvement test: the evaluation carries no paired test over production p");
    }

    static Map<String, Double> metrics(int trades, double winRate, double sharpe, double drawdown, double edgeP,
                                       int trials) {
        Map<String, Double> m = new HashMap<>();
        m.put(PromotionPolicy.TOTAL_TRADES, (double) trades);
        m.put(PromotionPolicy.WIN_RATE, winRate);
        m.put(PromotionPolicy.SHARPE, sharpe);
        m.put(PromotionPolicy.MAX_DRAWDOWN, drawdown);
        m.put(PromotionPolicy.EDGE_P_VALUE, edgeP);
        m.put(PromotionPolicy.EDGE_TRIALS, (double) trials);
        return m;
    }

    static Champion rules(double sharpe, double p, double meanDifference) {
        return production(Champion.RULES, sharpe, p, meanDifference);
    }

    static Champion production(String version, double sharpe, double p, double meanDifference) {
        return new Champion(version, Map.of(PromotionPolicy.SHARPE, sharpe),
                Map.of(PromotionPolicy.IMPROVEMENT_P_VALUE, p, PromotionPolicy.MEAN_DIFFERENCE, meanDifference));
    }
}
