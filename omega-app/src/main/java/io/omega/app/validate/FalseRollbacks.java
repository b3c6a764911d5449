package io.omega.app.validate;

import io.omega.app.demo.ProductionLog;
import io.omega.registry.model.ProductionTenure;
import io.omega.store.OutcomeRow;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rollbacks were false: those of a model whose live expectancy when it was rolled back was at least the lower
 * end of a 95 % confidence interval of its backtest's expectancy. Its live expectancy then is the mean of the last
 * {@code performance_monitor_window_trades} trades of the stint that ended in the rollback, the trades the live
 * monitor judged: a model that earned well for days before a regime flip and then lost was rightly rolled back,
 * though its whole stint, or its whole live record, may still be above the bound.
 */
final class FalseRollbacks {

    /** The lower end of a 95 % confidence interval of the backtest's expectancy. */
    private static final double Z = 1.96;

    private final double positionSize;
    private final int window;

    /**
     * @param positionSize the money one position puts at stake, which the backtest's {@code avg_profit} is in
     * @param window       the live monitor's window, in trades
     */
    FalseRollbacks(double positionSize, int window) {
        this.positionSize = positionSize;
        this.window = window;
    }

    /**
     * @param outcomes the run's live outcomes, every model's and the rules'
     * @param stints   which version the engine traded from which closed-trade count on (the rules first)
     * @param history  the registry's production tenures, in order; each entered production at one of the stints
     * @param metrics  each evaluated version's backtest figures ({@code avg_profit}, {@code total_trades})
     */
    long count(List<OutcomeRow> outcomes, List<ProductionLog.Change> stints, List<ProductionTenure> history,
               Map<String, Map<String, Double>> metrics) {
        List<OutcomeRow> closed = outcomes.stream()
                .sorted(Comparator.comparing(OutcomeRow::eventTime).thenComparingLong(OutcomeRow::kafkaOffset)).toList();
        List<Integer> modelStints = java.util.stream.IntStream.range(0, stints.size())
                .filter(i -> stints.get(i).version().isPresent()).boxed().toList();
        long found = 0;
        for (int t = 0; t < history.size(); t++) {
            ProductionTenure tenure = history.get(t);
            if (!tenure.leftByRollback() || t >= modelStints.size()) {
                continue;
            }
            int s = modelStints.get(t);
            if (!stints.get(s).version().equals(Optional.of(tenure.version()))) {
                throw new IllegalStateException("production tenure " + t + " (" + tenure.version()
                        + ") does not match the engine's stint " + stints.get(s));
            }
            long from = stints.get(s).outcomesBefore();
            long to = s + 1 < stints.size() ? stints.get(s + 1).outcomesBefore() : closed.size();
            List<OutcomeRow> live = closed.subList((int) Math.min(from, closed.size()), (int) Math.min(to, closed.size()))
                    .stream().filter(o -> tenure.version().equals(o.modelVersion())).toList();
            live = live.subList(Math.max(0, live.size() - window), live.size());
            Map<String, Double> backtest = metrics.getOrDefault(tenure.version(), Map.of());
            if (live.size() >= 2 && backtest.containsKey("avg_profit") && backtest.containsKey("total_trades")) {
                double expected = backtest.get("avg_profit") / positionSize * 100;
                SummaryStatistics pnl = new SummaryStatistics();
                live.forEach(o -> pnl.addValue(o.pnlPct()));
                double lowerBound = expected - Z * pnl.getStandardDeviation() / Math.sqrt(backtest.get("total_trades"));
                if (pnl.getMean() >= lowerBound) {
                    found++;
                }
            }
        }
        return found;
    }
}
