package io.omega.evaluator.evaluate;

import io.omega.learning.artifact.LoadedModel;
import io.omega.learning.artifact.ModelArtifactStore;
import io.omega.learning.backtest.BacktestSettings;
import io.omega.learning.backtest.Backtester;
import io.omega.learning.backtest.Trade;
import io.omega.learning.dataset.LoggedBars;
import io.omega.learning.dataset.MarketRow;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NativeRuntime;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Backtests a model over the periods it was actually in production, from the logged data alone, and sets its live
 * trades beside the replayed ones. The model predicts again on the logged features; where it decided live, its
 * predictions replace the logged decisions, elsewhere the logged decisions of whoever was in production stand, so
 * positions that cross a change of production replay as they happened. The bars are the decisions' logged open, high,
 * low and close, traded through the same execution model as the paper broker.
 *
 * <p>A live trade and a replayed one match when they enter and exit at the same bars, in the same direction, for the
 * same reason, at the same prices and with the same PnL per unit of notional ({@code pnl_pct}, to 1e-9). PnL in
 * money is not compared: the size depends on the account's equity since the engine started, which a window of logs
 * does not hold.
 *
 * <p>Backfilled rows (the rules over history, see {@code omega backfill}) are no part of anyone's production: they
 * are left out of the series and of the live trades.
 */
public final class LiveReplay {

    static final double TOLERANCE = 1e-9;

    /** One logged trade of the model. */
    public record LiveTrade(String tradeId, Instant entry, Instant exit, String direction, double entryPrice,
                            double exitPrice, String reason, double pnlPct) {
    }

    /** A live trade and its replay; either may be missing. */
    public record Pair(Optional<LiveTrade> live, Optional<Trade> replayed, boolean matches) {
    }

    /**
     * @param decisions           the model's live decisions
     * @param directionMismatches of those, how many the model decides differently on replay
     */
    public record Result(String symbol, int decisions, int directionMismatches, List<String> differingDecisions,
                         List<Pair> trades) {
        public long tradeMismatches() {
            return trades.stream().filter(p -> !p.matches()).count();
        }

        public boolean identical() {
            return directionMismatches == 0 && tradeMismatches() == 0;
        }
    }

    private final ExperienceStore store;
    private final ModelArtifactStore artifacts;
    private final BacktestSettings settings;

    public LiveReplay(ExperienceStore store, ModelArtifactStore artifacts, BacktestSettings settings) {
        NativeRuntime.ensureConfigured();
        this.store = store;
        this.artifacts = artifacts;
        this.settings = settings;
    }

    public Result replay(String modelType, String version, int daysBack) {
        List<DecisionRow> all = store.load(ExperienceKind.DECISIONS, daysBack).requireComplete().rows().stream()
                .filter(d -> !d.isShadow() && !d.backfilled()).sorted(Comparator.comparing(DecisionRow::eventTime)).toList();
        String symbol = all.stream().filter(d -> isModel(d, modelType, version))
                .collect(Collectors.groupingBy(DecisionRow::symbol, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException(modelType + " " + version + " made no production "
                        + "decision in the last " + daysBack + " day(s): it was not in production then"));
        List<DecisionRow> series = all.stream().filter(d -> d.symbol().equals(symbol)).toList();

        LoadedModel model = artifacts.loadModel(ModelType.parse(modelType), version);
        List<MarketRow> rows = series.stream()
                .map(d -> new MarketRow(d.symbol(), d.eventTime(), d.price(), d.marketFeatures())).toList();
        TreeMap<Long, ModelSignals.Prediction> predicted = ModelSignals.predict(model, rows, null);

        int n = series.size();
        long[] times = new long[n];
        byte[] signals = new byte[n];
        int decisions = 0;
        int mismatches = 0;
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DecisionRow d = series.get(i);
            times[i] = d.eventTime().toEpochMilli();
            int logged = signal(d.direction());
            if (isModel(d, modelType, version)) {
                decisions++;
                ModelSignals.Prediction p = predicted.get(times[i]);
                int replayed = p == null ? 0 : Backtester.signal(p.longProbability(), p.shortProbability(),
                        Math.max(0, 1 - p.longProbability() - p.shortProbability()), settings.decisionThreshold());
                if (replayed != logged) {
                    mismatches++;
                    differing.add(d.eventTime() + ": live " + d.direction() + ", replay "
                            + (replayed > 0 ? "LONG" : replayed < 0 ? "SHORT" : "FLAT") + (p == null ? " (no window)"
                            : String.format(java.util.Locale.ROOT, " (p long %.6f, short %.6f)", p.longProbability(),
                            p.shortProbability())));
                }
                signals[i] = (byte) replayed;
            } else {
                signals[i] = (byte) logged;
            }
        }
        List<Trade> replayed = new ArrayList<>();
        for (Trade t : new Backtester(settings).run(LoggedBars.at(times, rows), signals).trades()) {
            // a trade belongs to the model that decided its entry, at the close before the entry bar
            if (t.entryIndex() > 0 && isModel(series.get(t.entryIndex() - 1), modelType, version)) {
                replayed.add(t);
            }
        }
        return new Result(symbol, decisions, mismatches, differing, pair(liveTrades(symbol, modelType, version, daysBack), replayed));
    }

    private List<LiveTrade> liveTrades(String symbol, String modelType, String version, int daysBack) {
        Map<String, ExecutionRow> entries = new HashMap<>();
        for (ExecutionRow e : store.load(ExperienceKind.EXECUTIONS, daysBack).rows()) {
            if (!e.backfilled() && e.symbol().equals(symbol) && modelType.equals(e.modelType()) && version.equals(e.modelVersion())) {
                entries.put(e.tradeId(), e);
            }
        }
        List<LiveTrade> out = new ArrayList<>();
        for (OutcomeRow o : store.load(ExperienceKind.OUTCOMES, daysBack).rows()) {
            ExecutionRow e = entries.get(o.tradeId());
            if (e != null && !o.backfilled()) {
                out.add(new LiveTrade(o.tradeId(), e.eventTime(), o.eventTime(), e.direction(), e.entryPrice(),
                        o.exitPrice(), o.exitReason(), o.pnlPct()));
            }
        }
        out.sort(Comparator.comparing(LiveTrade::entry));
        return out;
    }

    /** Pairs by entry time; the replay's last trade, still open at the end of the logs, has no live twin. */
    private static List<Pair> pair(List<LiveTrade> live, List<Trade> replayed) {
        Map<Long, Trade> byEntry = new HashMap<>();
        replayed.forEach(t -> byEntry.put(t.entryTimeMillis(), t));
        List<Pair> out = new ArrayList<>();
        for (LiveTrade l : live) {
            Trade r = byEntry.remove(l.entry().toEpochMilli());
            out.add(new Pair(Optional.of(l), Optional.ofNullable(r), r != null && same(l, r)));
        }
        byEntry.values().stream().filter(t -> t.exitReason() != io.omega.learning.backtest.ExitReason.END_OF_DATA)
                .sorted(Comparator.comparingLong(Trade::entryTimeMillis))
                .forEach(t -> out.add(new Pair(Optional.empty(), Optional.of(t), false)));
        out.sort(Comparator.comparing(p -> p.live().map(LiveTrade::entry)
                .orElseGet(() -> Instant.ofEpochMilli(p.replayed().orElseThrow().entryTimeMillis()))));
        return out;
    }

    static boolean same(LiveTrade l, Trade r) {
        double pnlPct = r.pnl() / (r.entryPrice() * r.quantity()) * 100;
        return l.exit().toEpochMilli() == r.exitTimeMillis()
                && l.direction().equals(r.direction().name())
                && l.reason().equals(r.exitReason().code())
                && Math.abs(l.entryPrice() - r.entryPrice()) <= TOLERANCE * r.entryPrice()
                && Math.abs(l.exitPrice() - r.exitPrice()) <= TOLERANCE * r.exitPrice()
                && Math.abs(l.pnlPct() - pnlPct) <= TOLERANCE;
    }

    private static boolean isModel(DecisionRow d, String modelType, String version) {
        return modelType.equals(d.modelType()) && version.equals(d.modelVersion());
    }

    private static int signal(String direction) {
        return "LONG".equals(direction) ? 1 : "SHORT".equals(direction) ? -1 : 0;
    }
}
