package io.omega.app.evaluator;

import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.learning.backtest.BacktestResult;
import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.PerformanceMetrics;
import io.omega.learning.metrics.Recommendation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationPrinterTest {

    @Test
    void printsBothSidesTheTrialCountAndBothTestsAtTheirLevels() {
        ModelEvaluation candidate = side("20250124_120000", new PerformanceMetrics(44, 27, 17, 61.36, 312.5, 7.1,
                3.125, 4.2, 1.734, 1.9, 650, 337.5, 525_600));
        ModelEvaluation production = side("20250120_100000", new PerformanceMetrics(40, 21, 19, 52.5, 80, 2.0, 0.8,
                6.5, 0.61, 1.2, 480, 400, 525_600));
        EvaluationOutcome outcome = new EvaluationOutcome("BTC-USDT-SWAP", Instant.parse("2025-01-24T12:00:00Z"),
                Instant.parse("2025-01-25T12:00:00Z"), 1441, 60_000, candidate, Optional.of(production),
                Recommendation.PROMOTE, production, new EdgeTest(0.0123, 3, 0.05, 0.02),
                new PairedImprovementTest(0.00012, 0.00005, 6, 1440, 0.0082));
        StringWriter text = new StringWriter();

        new EvaluationPrinter(new PrintWriter(text, true)).print(outcome, new TrialCount(3, "cnn models in the model "
                + "store made since production last changed at 2025-01-20T11:00:00Z, this one included (registry: "
                + "production is 20250120_100000)"), 0.05, 0.01);

        assertThat(text.toString().lines().toList()).containsExactly(
                "Window          BTC-USDT-SWAP, 2025-01-24T12:00:00Z .. 2025-01-25T12:00:00Z, 1441 bars",
                "Total Trades    44 (27 won, 17 lost)",
                "Win Rate        61.36 %",
                "Total PnL       312.50 (3.13 %)",
                "Sharpe          1.734",
                "Max Drawdown    4.20 %",
                "Profit Factor   1.9000",
                "",
                "Champion        20250120_100000 (production, from --against)",
                "Total Trades    40 (21 won, 19 lost)",
                "Win Rate        52.50 %",
                "Total PnL       80.00 (0.80 %)",
                "Sharpe          0.610",
                "Max Drawdown    6.50 %",
                "Profit Factor   1.2000",
                "",
                "Trials          3: cnn models in the model store made since production last changed at "
                        + "2025-01-20T11:00:00Z, this one included (registry: production is 20250120_100000)",
                "Edge test       p=0.0123 over 3 trial(s), level 0.05: PASS",
                "Improvement     over 20250120_100000: p=0.0082, level 0.01: PASS (mean per-bar return difference "
                        + "+0.0120 %, standard error 0.0050 %, 6 lags, 1440 bars)",
                "",
                "Recommendation  PROMOTE");
    }

    @Test
    void aTestAboveItsLevelFailsAndTheRulesAreNamedAsChampion() {
        ModelEvaluation candidate = side("20250124_120000", new PerformanceMetrics(12, 5, 7, 41.67, -20, -1.67, -0.2,
                3.0, -0.4, 0.8, 80, 100, 525_600));
        ModelEvaluation rules = side("rules", new PerformanceMetrics(10, 6, 4, 60.0, 15, 1.5, 0.15, 1.0, 0.3, 1.5,
                45, 30, 525_600));
        EvaluationOutcome outcome = new EvaluationOutcome("BTC-USDT-SWAP", Instant.parse("2025-01-24T12:00:00Z"),
                Instant.parse("2025-01-24T13:00:00Z"), 61, 60_000, candidate, Optional.empty(), Recommendation.REJECT,
                rules, new EdgeTest(0.5, 1, 0, 0), new PairedImprovementTest(-0.0001, 0.00008, 3, 60, 0.8944));
        StringWriter text = new StringWriter();

        new EvaluationPrinter(new PrintWriter(text, true)).print(outcome, new TrialCount(1, "every cnn model in the "
                + "model store, this one included (registry: no cnn model has been in production)"), 0.05, 0.05);

        assertThat(text.toString().lines().toList()).contains(
                "Champion        rules (the engine's rules)",
                "Edge test       p=0.5000 over 1 trial(s), level 0.05: FAIL",
                "Improvement     over rules: p=0.8944, level 0.05: FAIL (mean per-bar return difference -0.0100 %, "
                        + "standard error 0.0080 %, 3 lags, 60 bars)",
                "Recommendation  REJECT");
    }

    private static ModelEvaluation side(String version, PerformanceMetrics metrics) {
        return new ModelEvaluation("cnn", version, new BacktestResult(List.of(), new double[] {10_000}, 10_000),
                metrics, null, null);
    }
}
