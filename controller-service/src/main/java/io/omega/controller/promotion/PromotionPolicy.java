package io.omega.controller.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a candidate may replace the champion (production, or the engine's rules when there is no
 * production model), from the evaluator's backtests of both on the same window.
 *
 * <p>Every criterion must hold:
 * <ul>
 * <li>Sharpe ≥ {@code minSharpe}, win rate ≥ {@code minWinRate}, max drawdown ≤ {@code maxDrawdown}, at least
 * {@code minTrades} backtest trades;</li>
 * <li><b>edge test</b>: the p-value of "no edge", deflated over every candidate of the type tried since production
 * last changed, is at most {@code edgeSignificance};</li>
 * <li><b>improvement</b> over the champion, practical and statistical. Practical: {@code S_c ≥ S_p + minImprovement ×
 * max(|S_p|, 1)} on the Sharpe ratios, so a champion Sharpe near zero (or negative) cannot make a noise-level
 * difference count. Statistical: the paired test's one-sided p-value on the per-bar return differences is at most
 * {@code improvementSignificance}, so candidates that beat each other by noise do not churn production.</li>
 * </ul>
 * A figure the evaluation does not carry is a failure: the gate never promotes on evidence it cannot see.
 */
public final class PromotionPolicy {

    public static final String TOTAL_TRADES = "total_trades";
    public static final String WIN_RATE = "win_rate";
    public static final String SHARPE = "sharpe_ratio";
    public static final String MAX_DRAWDOWN = "max_drawdown";
    public static final String EDGE_P_VALUE = "edge_p_value";
    public static final String EDGE_TRIALS = "edge_trials";
    public static final String IMPROVEMENT_P_VALUE = "p_value";
    public static final String MEAN_DIFFERENCE = "mean_difference";

    private final PromotionCriteria criteria;

    public PromotionPolicy(PromotionCriteria criteria) {
        this.criteria = criteria;
    }

    /** Every promotion criterion, the candidate's evaluation against the champion's (production, or the rules). */
    public PromotionDecision checkPromotionCriteria(Map<String, Double> candidate, Optional<Champion> champion) {
        List<String> failures = new ArrayList<>();
        Double trades = metric(candidate, TOTAL_TRADES, failures);
        Double winRate = metric(candidate, WIN_RATE, failures);
        Double sharpe = metric(candidate, SHARPE, failures);
        Double drawdown = metric(candidate, MAX_DRAWDOWN, failures);
        if (sharpe != null && sharpe < criteria.minSharpe()) {
            failures.add("Sharpe " + fmt(sharpe) + " < " + fmt(criteria.minSharpe()));
        }
        if (winRate != null && winRate < criteria.minWinRate()) {
            failures.add("win rate " + fmt(winRate) + " % < " + fmt(criteria.minWinRate()) + " %");
        }
        if (drawdown != null && drawdown > criteria.maxDrawdown()) {
            failures.add("max drawdown " + fmt(drawdown) + " % > " + fmt(criteria.maxDrawdown()) + " %");
        }
        if (trades != null && trades < criteria.minTrades()) {
            failures.add("backtest trades " + (long) (double) trades + " < " + criteria.minTrades());
        }
        String edge = edgeTest(candidate, failures);
        String improvement = null;
        if (champion.isPresent()) {
            improvement = improvement(sharpe, champion.get(), failures);
        } else {
            failures.add("improvement test: the evaluation names no champion to compare with");
        }
        if (!failures.isEmpty()) {
            return new PromotionDecision(false, "not promoted: " + String.join("; ", failures), failures);
        }
        return new PromotionDecision(true, "every criterion holds: Sharpe " + fmt(sharpe) + ", win rate "
                + fmt(winRate) + " %, max drawdown " + fmt(drawdown) + " %, " + (long) (double) trades + " trades, "
                + edge + ", " + improvement, List.of());
    }

    /** @return the passing test's description, or null after adding its failure */
    private String edgeTest(Map<String, Double> candidate, List<String> failures) {
        Double p = candidate.get(EDGE_P_VALUE);
        Double trials = candidate.get(EDGE_TRIALS);
        if (p == null || p.isNaN() || trials == null) {
            failures.add("edge test: the evaluation carries no " + EDGE_P_VALUE + " and " + EDGE_TRIALS);
            return null;
        }
        String figures = "p=" + pValue(p) + (p <= criteria.edgeSignificance() ? " <= " : " > ")
                + level(criteria.edgeSignificance()) + " over " + (long) (double) trials + " trial"
                + (trials == 1 ? "" : "s");
        if (p > criteria.edgeSignificance()) {
            failures.add("edge test: " + figures);
            return null;
        }
        return "edge test " + figures;
    }

    /** @return the passing tests' description, or null after adding each failure */
    private String improvement(Double sharpe, Champion champion, List<String> failures) {
        int before = failures.size();
        Double championSharpe = champion.metrics().get(SHARPE);
        if (championSharpe == null || !Double.isFinite(championSharpe)) {
            failures.add(champion.describe() + " has no " + SHARPE + " to compare with");
        } else if (sharpe != null) {
            double needed = championSharpe + criteria.minImprovement() * Math.max(Math.abs(championSharpe), 1.0);
            if (sharpe < needed) {
                failures.add("Sharpe " + fmt(sharpe) + " does not improve on " + champion.describe() + "'s "
                        + fmt(championSharpe) + " by the required " + fmt(criteria.minImprovement()) + " (needs >= "
                        + fmt(needed) + ")");
            }
        }
        Double p = champion.comparison().get(IMPROVEMENT_P_VALUE);
        String figures = null;
        if (p == null || p.isNaN()) {
            failures.add("improvement test: the evaluation carries no paired test over " + champion.describe());
        } else {
            double difference = champion.comparison().getOrDefault(MEAN_DIFFERENCE, Double.NaN);
            figures = "over " + champion.describe() + ": p=" + pValue(p)
                    + (p <= criteria.improvementSignificance() ? " <= " : " > ")
                    + level(criteria.improvementSignificance()) + " (mean per-bar return difference "
                    + String.format(Locale.ROOT, "%+.4f", difference * 100) + " %)";
            if (p > criteria.improvementSignificance()) {
                failures.add("improvement test " + figures);
            }
        }
        return failures.size() == before ? "improvement test " + figures : null;
    }

    private static Double metric(Map<String, Double> metrics, String name, List<String> failures) {
        Double value = metrics.get(name);
        if (value == null || Double.isNaN(value)) {
            failures.add("candidate metrics have no " + name);
            return null;
        }
        return value;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Three decimals, trailing zeros dropped (0.39, 0.051); tiny values in scientific notation. */
    private static String pValue(double p) {
        if (p > 0 && p < 0.001) {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        return new BigDecimal(p).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String level(double significance) {
        return BigDecimal.valueOf(significance).stripTrailingZeros().toPlainString();
    }
}
