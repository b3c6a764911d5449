package io.omega.app.validate;

import io.omega.app.demo.DemoCommand;
import io.omega.app.demo.ProductionLog;
import io.omega.config.OmegaConfig;
import io.omega.paper.market.generated.GeneratedMarket;
import io.omega.paper.decide.BaselineRules;
import io.omega.registry.model.ProductionTenure;
import io.omega.schemas.event.ControllerEventType;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Reads a {@link RunReport} off a finished run: the controller's counts, the registry's history, the logged trades. */
final class RunReports {

    private RunReports() {
    }

    /** The report of a finished demo run: waits (at most a minute) for the sink to have filed every closed trade. */
    static RunReport of(String scenario, long seed, DemoCommand.DemoRun run) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (logged(run, "outcomes") < run.stats().outcomes() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sink", e);
            }
        }
        if (logged(run, "outcomes") < run.stats().outcomes()) {
            throw new IllegalStateException("the sink filed " + logged(run, "outcomes") + " of "
                    + run.stats().outcomes() + " closed trades within a minute");
        }
        Map<String, Map<String, Double>> metrics = new java.util.HashMap<>();
        run.controller().view().models(run.modelType()).forEach(m -> {
            if (m.evaluationMetrics() != null) {
                metrics.put(m.version(), m.evaluationMetrics());
            }
        });
        OptionalLong flip = run.market() instanceof GeneratedMarket g && g.scenario() == GeneratedMarket.Scenario.REGIME_FLIP
                ? OptionalLong.of(g.minutes() / 2) : OptionalLong.empty();
        return of(scenario, seed, run.production().bars(), run.config(), run.controller().view().eventCounts(),
                run.evaluator().stats().completed(), run.production().changes(), run.registry().client().history(run.modelType()),
                metrics, flip, flip.isPresent() ? run.production().closedAfter(flip.getAsLong()) : 0);
    }

    private static long logged(DemoCommand.DemoRun run, String kind) {
        var k = run.sink().stats().snapshot().get(kind);
        return k == null ? 0 : k.totalLogged();
    }

    static RunReport of(String scenario, long seed, long bars, OmegaConfig config, Map<String, Long> events,
                        long candidates, List<ProductionLog.Change> stints, List<ProductionTenure> history,
                        Map<String, Map<String, Double>> evaluationMetrics, OptionalLong flipBar,
                        long closedAtFlip) {
        List<OutcomeRow> outcomes = new ExperienceStore(config.storage().dataDir(), Clock.systemUTC())
                .load(ExperienceKind.OUTCOMES, 30).rows().stream().filter(o -> !o.backfilled()).toList();
        List<OutcomeRow> rules = outcomes.stream().filter(o -> BaselineRules.VERSION.equals(o.modelVersion())).toList();
        List<OutcomeRow> models = outcomes.stream().filter(o -> !BaselineRules.VERSION.equals(o.modelVersion())).toList();
        Map<String, List<OutcomeRow>> byVersion = models.stream().collect(Collectors.groupingBy(OutcomeRow::modelVersion));

        long falseRollbacks = new FalseRollbacks(config.paperTrading().startingCapital()
                * config.paperTrading().positionSizePct() / 100, config.selfLearning().performanceMonitorWindowTrades())
                .count(outcomes, stints, history, evaluationMetrics);
        List<String> negative = new ArrayList<>();
        byVersion.forEach((version, rows) -> {
            double m = average(rows).orElseThrow();
            if (m < 0) {
                negative.add(String.format(java.util.Locale.ROOT, "%s (%+.4f %% over %d trades)", version, m, rows.size()));
            }
        });
        OptionalLong firstPromotion = stints.stream().filter(s -> s.version().isPresent()).mapToLong(ProductionLog.Change::bar)
                .findFirst();
        OptionalLong detection = OptionalLong.empty();
        boolean modelAtFlip = false;
        if (flipBar.isPresent()) {
            long flip = flipBar.getAsLong();
            ProductionLog.Change atFlip = null;
            for (ProductionLog.Change s : stints) {
                if (s.bar() <= flip) {
                    atFlip = s;
                }
            }
            modelAtFlip = atFlip != null && atFlip.version().isPresent();
            if (modelAtFlip) {
                for (ProductionLog.Change s : stints) {
                    if (s.bar() > flip) {
                        detection = OptionalLong.of(s.outcomesBefore() - closedAtFlip);
                        break;
                    }
                }
            }
        }
        return new RunReport(scenario, seed, bars, candidates,
                events.getOrDefault(ControllerEventType.PROMOTION_REQUESTED.name(), 0L), Math.max(0, stints.size() - 1),
                events.getOrDefault(ControllerEventType.ROLLBACK_REQUESTED.name(), 0L), falseRollbacks,
                models.size(), average(models), rules.size(), average(rules), firstPromotion, detection, modelAtFlip,
                negative);
    }

    private static OptionalDouble average(List<OutcomeRow> rows) {
        return rows.stream().mapToDouble(OutcomeRow::pnlPct).average();
    }
}
