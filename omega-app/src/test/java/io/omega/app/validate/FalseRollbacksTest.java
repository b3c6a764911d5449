package io.omega.app.validate;

import io.omega.app.demo.ProductionLog;
import io.omega.registry.model.ProductionTenure;
import io.omega.store.OutcomeRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FalseRollbacksTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Backtests of 100 trades earning 5 on a 1,000 position: 0.5 % a trade. */
    private static final Map<String, Map<String, Double>> METRICS = Map.of(
            "A", Map.of("avg_profit", 5.0, "total_trades", 100.0),
            "B", Map.of("avg_profit", 5.0, "total_trades", 100.0));

    private final FalseRollbacks falseRollbacks = new FalseRollbacks(1_000, 4);
    private final List<OutcomeRow> outcomes = new ArrayList<>();

    private void closed(String version, double... pnlPct) {
        for (double p : pnlPct) {
            int n = outcomes.size();
            outcomes.add(new OutcomeRow("o" + n, "t" + n, T0.plusSeconds(60L * n), "X", 100, p * 10, p, 60_000,
                    "SIGNAL", "cnn", version, false, 0, n));
        }
    }

    private static ProductionLog.Change stint(long bar, long outcomesBefore, String version) {
        return new ProductionLog.Change(bar, outcomesBefore, Optional.ofNullable(version));
    }

    private static ProductionTenure tenure(String version, String enteredBy, String leftHow) {
        return new ProductionTenure(version, enteredBy, T0, "controller", "", null, T0, leftHow, "controller", "", null);
    }

    @Test
    void aModelRolledBackAfterAFlipIsJudgedOnItsLastStintNotOnWhatItEarnedBefore() {
        closed("rules", -0.1, -0.1);
        closed("A", 2.0, 2.2, 1.8, 2.0);        // A's first stint: far above its backtest
        closed("A", 2.0);                        // opened under A, closed under B: not B's
        closed("B", -0.5, -0.6, -0.4);           // B after the flip
        closed("A", -0.5, -0.7, -0.3, -0.6);     // A restored after the flip
        List<ProductionLog.Change> stints = List.of(stint(0, 0, null), stint(10, 2, "A"), stint(20, 6, "B"),
                stint(30, 10, "A"), stint(40, 14, null));
        List<ProductionTenure> history = List.of(tenure("A", "PROMOTED", "PROMOTED"),
                tenure("B", "PROMOTED", "ROLLED_BACK"), tenure("A", "ROLLED_BACK", "ROLLED_BACK"));

        // A's whole live record (+0.88 % a trade over 9) is above its backtest's lower bound; its last stint is not
        assertThat(falseRollbacks.count(outcomes, stints, history, METRICS)).isZero();
    }

    @Test
    void aRollbackOfAStintThatEarnedWhatItsBacktestPromisedIsFalse() {
        closed("A", 0.6, 0.4, 0.5, 0.7, 0.3);
        List<ProductionLog.Change> stints = List.of(stint(0, 0, null), stint(5, 0, "A"), stint(50, 5, null));
        List<ProductionTenure> history = List.of(tenure("A", "PROMOTED", "ROLLED_BACK"));
        assertThat(falseRollbacks.count(outcomes, stints, history, METRICS)).isEqualTo(1);
    }

    @Test
    void onlyTheLastWindowOfTheStintIsWhatTheRollbackJudged() {
        closed("A", 2.0, 2.2, 1.8, 2.0, 2.1, 1.9); // before a flip
        closed("A", -0.5, -0.7, -0.3, -0.6);         // the monitor's window of 4, after it
        List<ProductionLog.Change> stints = List.of(stint(0, 0, null), stint(5, 0, "A"), stint(90, 10, null));
        List<ProductionTenure> history = List.of(tenure("A", "PROMOTED", "ROLLED_BACK"));
        assertThat(falseRollbacks.count(outcomes, stints, history, METRICS)).as("the stint's mean is +0.99 %")
                .isZero();
        assertThat(new FalseRollbacks(1_000, 10).count(outcomes, stints, history, METRICS))
                .as("judged on all ten trades it would have been false").isEqualTo(1);
    }

    @Test
    void aStintWithFewerThanTwoTradesOrNoBacktestIsNotJudged() {
        closed("A", 0.6);
        closed("C", 0.5, 0.5, 0.5);
        List<ProductionLog.Change> stints = List.of(stint(0, 0, null), stint(5, 0, "A"), stint(9, 1, "C"),
                stint(20, 4, null));
        List<ProductionTenure> history = List.of(tenure("A", "PROMOTED", "ROLLED_BACK"),
                tenure("C", "PROMOTED", "ROLLED_BACK"));
        assertThat(falseRollbacks.count(outcomes, stints, history, METRICS)).isZero();
    }

    @Test
    void aHistoryThatDoesNotMatchTheEnginesStintsIsAnError() {
        closed("A", 0.6, 0.4);
        List<ProductionLog.Change> stints = List.of(stint(0, 0, null), stint(5, 0, "B"));
        List<ProductionTenure> history = List.of(tenure("A", "PROMOTED", "ROLLED_BACK"));
        assertThatThrownBy(() -> falseRollbacks.count(outcomes, stints, history, METRICS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("production tenure 0 (A) does not match the engine's stint");
    }
}
