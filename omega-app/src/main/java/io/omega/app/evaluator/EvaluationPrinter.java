package io.omega.app.evaluator;

import io.omega.evaluator.evaluate.EvaluationOutcome;
import io.omega.evaluator.evaluate.ModelEvaluation;
import io.omega.learning.metrics.BootstrapResult;
import io.omega.learning.metrics.EdgeTest;
import io.omega.learning.metrics.PairedImprovementTest;
import io.omega.learning.metrics.PerformanceMetrics;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code omega evaluate} without {@code --live}: the candidate's figures, the champion's on the same bars, the
 * two significance tests at their configured levels, and the evaluator's recommendation.
 */
final class EvaluationPrinter {

    private final PrintWriter out;

    EvaluationPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param edgeLevel        {@code self_learning.promotion_significance}
     * @param improvementLevel {@code self_learning.improvement_significance}
     */
    void print(EvaluationOutcome outcome, TrialCount trials, double edgeLevel, double improvementLevel) {
        out.printf("Window          %s, %s .. %s, %d bars%n", outcome.symbol(), outcome.from(), outcome.to(),
                outcome.bars());
        figures(outcome.candidate());
        out.println();
        ModelEvaluation champion = outcome.champion();
        out.println("Champion        " + champion.version() + (outcome.production().isPresent()
                ? " (production, from --against)" : " (the engine's rules)"));
        figures(champion);
        out.println();
        out.printf("Trials          %d: %s%n", trials.trials(), trials.basis());
        EdgeTest edge = outcome.edge();
        out.printf(Locale.ROOT, "Edge test       p=%.4f over %d trial(s), level %s: %s%n", edge.pValue(), edge.trials(),
                plain(edgeLevel), verdict(edge.passes(edgeLevel)));
        PairedImprovementTest improvement = outcome.improvement();
        out.printf(Locale.ROOT, "Improvement     over %s: p=%.4f, level %s: %s (mean per-bar return difference "
                        + "%+.4f %%, standard error %.4f %%, %d lags, %d bars)%n", champion.version(),
                improvement.pValue(), plain(improvementLevel), verdict(improvement.passes(improvementLevel)),
                improvement.meanDifference() * 100, improvement.standardError() * 100, improvement.lags(),
                improvement.bars());
        out.println();
        out.println("Recommendation  " + outcome.recommendation());
    }

    private void figures(ModelEvaluation e) {
        PerformanceMetrics m = e.metrics();
        out.printf(Locale.ROOT, "Total Trades    %d (%d won, %d lost)%n", m.totalTrades(), m.winningTrades(),
                m.losingTrades());
        out.printf(Locale.ROOT, "Win Rate        %.2f %%%n", m.winRate());
        out.printf(Locale.ROOT, "Total PnL       %.2f (%.2f %%)%n", m.totalPnl(), m.returnPct());
        out.printf(Locale.ROOT, "Sharpe          %.3f%n", m.sharpeRatio());
        out.printf(Locale.ROOT, "Max Drawdown    %.2f %%%n", m.maxDrawdown());
        out.printf(Locale.ROOT, "Profit Factor   %s%n", m.profitFactorDisplay());
        BootstrapResult b = e.bootstrap();
        if (b != null) {
            out.printf(Locale.ROOT, "Confidence      %.0f %%: win rate %.1f .. %.1f %%, trade Sharpe %.2f .. %.2f, "
                            + "p(no edge) %.4f%n", b.confidence() * 100, b.winRateLow(), b.winRateHigh(),
                    b.tradeSharpeLow(), b.tradeSharpeHigh(), b.pValueNoEdge());
        }
        if (e.deflatedSharpe() != null) {
            out.printf(Locale.ROOT, "Deflated Sharpe %.4f%n", e.deflatedSharpe().probability());
        }
    }

    private static String verdict(boolean passes) {
        return passes ? "PASS" : "FAIL";
    }

    /** 0.05 as {@code 0.05}, as the configuration writes it. */
    private static String plain(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
