package io.omega.app.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The targets a sound loop meets, each checked over every seed of its scenario:
 * <ul>
 *   <li>random walk: at most 5 % of candidates promoted (there is nothing to learn);</li>
 *   <li>planted signal: at least one promotion in every seed, and no false rollback;</li>
 *   <li>regime flip: wherever a model traded at the flip, it was rolled back or replaced within 100 live trades;</li>
 *   <li>bundled real trades: no promoted model whose live expectancy was negative.</li>
 * </ul>
 * A scenario that was not run has no verdict.
 */
final class ValidityTargets {

    static final double MAX_PROMOTED_ON_NOISE = 0.05;
    static final long MAX_TRADES_TO_DETECT_FLIP = 100;

    /** One target, whether it was met, and the figures that say so. */
    record Verdict(String target, boolean met, String figures) {
    }

    private ValidityTargets() {
    }

    static List<Verdict> check(List<RunReport> reports) {
        List<Verdict> out = new ArrayList<>();
        List<RunReport> walk = of(reports, "random-walk");
        if (!walk.isEmpty()) {
            long candidates = walk.stream().mapToLong(RunReport::candidates).sum();
            long promoted = walk.stream().mapToLong(RunReport::promotions).sum();
            double share = candidates == 0 ? 0 : (double) promoted / candidates;
            out.add(new Verdict("random walk: <= 5 % of candidates promoted", share <= MAX_PROMOTED_ON_NOISE,
                    String.format(Locale.ROOT, "%d of %d (%.1f %%) over %d seed(s)", promoted, candidates, share * 100,
                            walk.size())));
        }
        List<RunReport> planted = of(reports, "planted-signal");
        if (!planted.isEmpty()) {
            boolean everySeed = planted.stream().allMatch(r -> r.promotions() >= 1);
            out.add(new Verdict("planted signal: a promotion in every seed", everySeed, planted.stream()
                    .map(r -> "seed " + r.seed() + ": " + r.promotions()).collect(Collectors.joining(", "))));
            long falseRollbacks = planted.stream().mapToLong(RunReport::falseRollbacks).sum();
            out.add(new Verdict("planted signal: no false rollback", falseRollbacks == 0, falseRollbacks
                    + " false of " + planted.stream().mapToLong(RunReport::rollbacks).sum() + " rollback(s)"));
        }
        List<RunReport> flip = of(reports, "regime-flip");
        if (!flip.isEmpty()) {
            List<RunReport> judged = flip.stream().filter(RunReport::modelTradingAtFlip).toList();
            boolean met = !judged.isEmpty() && judged.stream().allMatch(r -> r.tradesToDetectFlip().isPresent()
                    && r.tradesToDetectFlip().getAsLong() <= MAX_TRADES_TO_DETECT_FLIP);
            out.add(new Verdict("regime flip: rolled back or replaced within 100 trades", met, judged.isEmpty()
                    ? "no seed had a model in production at the flip, so nothing could be detected"
                    : judged.stream().map(r -> "seed " + r.seed() + ": " + (r.tradesToDetectFlip().isPresent()
                    ? r.tradesToDetectFlip().getAsLong() + " trades" : "never")).collect(Collectors.joining(", "))
                    + (judged.size() < flip.size() ? " (" + (flip.size() - judged.size()) + " seed(s) had no model "
                    + "at the flip)" : "")));
        }
        List<RunReport> real = of(reports, "bitstamp");
        if (!real.isEmpty()) {
            List<String> negative = real.stream().flatMap(r -> r.negativePromotions().stream()).toList();
            out.add(new Verdict("bundled trades: no promoted model with negative live expectancy", negative.isEmpty(),
                    negative.isEmpty() ? real.stream().mapToLong(RunReport::promotions).sum() + " promotion(s), none "
                            + "negative live" : String.join(", ", negative)));
        }
        return out;
    }

    private static List<RunReport> of(List<RunReport> reports, String scenario) {
        return reports.stream().filter(r -> r.scenario().equals(scenario)).toList();
    }
}
