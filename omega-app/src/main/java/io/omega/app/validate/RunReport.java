package io.omega.app.validate;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one run of the loop on one market did, in the terms the validity targets are stated in.
 *
 * @param candidates               candidates evaluated
 * @param promotions               promotions the gate asked for
 * @param productionChanges        times the engine changed the model it traded with (promotions and rollbacks)
 * @param rollbacks                rollbacks the live monitor asked for
 * @param falseRollbacks           of those, rollbacks of a model whose live expectancy when it was rolled back (its
 *                                 last window of trades in that stint) was at least its backtest's lower 95 % bound
 * @param modelPnlPctPerTrade      live PnL per trade (% of the position) of every trade production models made
 * @param rulesPnlPctPerTrade      the same for the trades the engine's rules made
 * @param barsToFirstPromotion     bars replayed before the first model traded
 * @param tradesToDetectFlip       regime flip only: trades closed after the flip before the model trading at the flip
 *                                 was rolled back or replaced (empty when no model traded then, or it never was)
 * @param negativePromotions       promoted versions whose live expectancy was negative, with it
 */
public record RunReport(String scenario, long seed, long bars, long candidates, long promotions,
                        long productionChanges, long rollbacks, long falseRollbacks, long modelTrades,
                        OptionalDouble modelPnlPctPerTrade, long rulesTrades, OptionalDouble rulesPnlPctPerTrade,
                        OptionalLong barsToFirstPromotion, OptionalLong tradesToDetectFlip,
                        boolean modelTradingAtFlip, List<String> negativePromotions) {

    String line() {
        return String.format(java.util.Locale.ROOT, "%-14s seed %-3d bars %5d | candidates %3d, promoted %2d, "
                        + "production changes %2d, rollbacks %2d (false %d) | model trades %4d at %s %%, rules trades "
                        + "%4d at %s %% | first promotion %s | flip detected %s",
                scenario, seed, bars, candidates, promotions, productionChanges, rollbacks, falseRollbacks,
                modelTrades, pct(modelPnlPctPerTrade), rulesTrades, pct(rulesPnlPctPerTrade),
                barsToFirstPromotion.isPresent() ? "after " + barsToFirstPromotion.getAsLong() + " bars" : "none",
                tradesToDetectFlip.isPresent() ? "after " + tradesToDetectFlip.getAsLong() + " trades"
                        : modelTradingAtFlip ? "never" : "n/a");
    }

    private static String pct(OptionalDouble v) {
        return v.isPresent() ? String.format(java.util.Locale.ROOT, "%+.4f", v.getAsDouble()) : "-";
    }
}
