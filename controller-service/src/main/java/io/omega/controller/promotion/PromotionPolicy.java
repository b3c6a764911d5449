package io.omega.controller.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a candidate may replace production, from the two sides' backtest metrics on the same window.
 *
 * <p>Every criterion must hold: Sharpe ≥ {@code minSharpe}, win rate ≥ {@code minWinRate}, max drawdown ≤
 * {@code maxDrawdown}, at least {@code minTrades} backtest trades, and, when there is a production model, an
 * improvement over it. <b>Improvement</b> is measured on the Sharpe ratio, risk-adjusted return being what a
 * promotion is for: the candidate needs {@code S_c ≥ S_p + minImprovement × max(|S_p|, 1)}. With the default 0.05
 * that is 5 % better than a production Sharpe of magnitude 1 or more, and 0.05 better in absolute terms below that,
 * so a production Sharpe near zero (or negative) cannot make a noise-level difference count as an improvement.
 * Without a production model only the absolute criteria apply.
 */
public final class PromotionPolicy {

    public static final String TOTAL_TRADES = "total_trades";
    public static final String WIN_RATE = "win_rate";
    public static final String SHARPE = "sharpe_ratio";
    public static final String MAX_DRAWDOWN = "max_drawdown";

    private final PromotionCriteria criteria;

    public PromotionPolicy(PromotionCriteria criteria) {
        this.criteria = criteria;
    }

    /** The seed's {@code check_promotion_criteria(candidate_metrics, production_metrics)}. */
    public PromotionDecision checkPromotionCriteria(Map<String, Double> candidate,
                                                    Optional<Map<String, Double>> production) {
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
        if (production.isPresent() && sharpe != null) {
            Double productionSharpe = production.get().get(SHARPE);
            if (productionSharpe == null || !Double.isFinite(productionSharpe)) {
                failures.add("production metrics have no " + SHARPE + " to compare with");
            } else {
                double needed = productionSharpe + criteria.minImprovement() * Math.max(Math.abs(productionSharpe), 1.0);
                if (sharpe < needed) {
                    failures.add("Sharpe " + fmt(sharpe) + " does not improve on production's " + fmt(productionSharpe)
                            + " by the required " + fmt(criteria.minImprovement()) + " (needs >= " + fmt(needed) + ")");
                }
            }
        }
        if (!failures.isEmpty()) {
            return new PromotionDecision(false, "not promoted: " + String.join("; ", failures), failures);
        }
        String base = production.isPresent() ? " and improves on production" : " (no production model to beat)";
        return new PromotionDecision(true, "every criterion holds: Sharpe " + fmt(sharpe) + ", win rate "
                + fmt(winRate) + " %, max drawdown " + fmt(drawdown) + " %, " + (long) (double) trades + " trades" + base,
                List.of());
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
}
