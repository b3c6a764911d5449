package io.omega.controller.promotion;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionPolicyTest {

    private final PromotionPolicy policy = new PromotionPolicy(new PromotionCriteria(1.0, 55.0, 20.0, 30, 0.05));

    @Test
    void aGoodCandidateWithoutProductionIsPromotedOnTheAbsoluteCriteria() {
        PromotionDecision d = policy.checkPromotionCriteria(metrics(40, 58.0, 1.3, 12.0), Optional.empty());
        assertThat(d.promote()).isTrue();
        assertThat(d.failures()).isEmpty();
        assertThat(d.reason()).isEqualTo("every criterion holds: Sharpe 1.30, win rate 58.00 %, max drawdown 12.00 %, "
                + "40 trades (no production model to beat)");
    }

    @Test
    void everyFailedCriterionIsNamed() {
        PromotionDecision d = policy.checkPromotionCriteria(metrics(12, 50.0, 0.4, 25.0),
                Optional.of(metrics(100, 60.0, 1.5, 10.0)));
        assertThat(d.promote()).isFalse();
        assertThat(d.failures()).containsExactly(
                "Sharpe 0.40 < 1.00",
                "win rate 50.00 % < 55.00 %",
                "max drawdown 25.00 % > 20.00 %",
                "backtest trades 12 < 30",
                "Sharpe 0.40 does not improve on production's 1.50 by the required 0.05 (needs >= 1.58)");
        assertThat(d.reason()).startsWith("not promoted: Sharpe 0.40 < 1.00; win rate");
    }

    @Test
    void theBoundariesThemselvesPass() {
        // exactly the thresholds: Sharpe 1.0, win rate 55, drawdown 20, 30 trades; production Sharpe 0.95 needs 1.0
        PromotionDecision d = policy.checkPromotionCriteria(metrics(30, 55.0, 1.0, 20.0),
                Optional.of(metrics(50, 54.0, 0.95, 15.0)));
        assertThat(d.failures()).isEmpty();
        assertThat(d.promote()).isTrue();
    }

    @Test
    void improvementIsRelativeAboveASharpeOfOneAndAbsoluteBelow() {
        // production 2.0: needs 2.0 + 0.05 x 2.0 = 2.10
        assertThat(policy.checkPromotionCriteria(metrics(40, 60.0, 2.09, 10.0), Optional.of(metrics(40, 60.0, 2.0, 10.0)))
                .promote()).isFalse();
        assertThat(policy.checkPromotionCriteria(metrics(40, 60.0, 2.10, 10.0), Optional.of(metrics(40, 60.0, 2.0, 10.0)))
                .promote()).isTrue();
        // production -0.5: needs -0.5 + 0.05 x 1 = -0.45, which any candidate passing the absolute Sharpe bar beats
        PromotionDecision d = policy.checkPromotionCriteria(metrics(40, 60.0, 1.2, 10.0),
                Optional.of(metrics(40, 40.0, -0.5, 30.0)));
        assertThat(d.promote()).isTrue();
        assertThat(d.reason()).endsWith("and improves on production");
    }

    @Test
    void missingMetricsAreFailuresNotCrashes() {
        PromotionDecision d = policy.checkPromotionCriteria(Map.of(PromotionPolicy.WIN_RATE, 60.0),
                Optional.of(Map.of()));
        assertThat(d.failures()).isEqualTo(List.of("candidate metrics have no total_trades",
                "candidate metrics have no sharpe_ratio", "candidate metrics have no max_drawdown"));
        PromotionDecision noBaseline = policy.checkPromotionCriteria(metrics(40, 60.0, 1.2, 10.0), Optional.of(Map.of()));
        assertThat(noBaseline.failures()).containsExactly("production metrics have no sharpe_ratio to compare with");
    }

    private static Map<String, Double> metrics(int trades, double winRate, double sharpe, double drawdown) {
        Map<String, Double> m = new HashMap<>();
        m.put(PromotionPolicy.TOTAL_TRADES, (double) trades);
        m.put(PromotionPolicy.WIN_RATE, winRate);
        m.put(PromotionPolicy.SHARPE, sharpe);
        m.put(PromotionPolicy.MAX_DRAWDOWN, drawdown);
        return m;
    }
}
