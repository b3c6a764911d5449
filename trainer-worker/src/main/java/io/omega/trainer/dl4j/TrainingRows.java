package io.omega.trainer.dl4j;

import io.omega.learning.dataset.MarketRow;
import io.omega.store.DecisionRow;
import io.omega.store.ExecutionRow;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;
import io.omega.store.OutcomeRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a training run learns from: the production decisions of the last days (shadow decisions repeat the same
 * market features and are left out), each with the PnL of the trade it opened, when there was one and it closed.
 * Backfilled decisions ({@code omega backfill}: the rules over historical bars) are rows like any other: real prices,
 * and trades closed as the engine would have closed them.
 */
public final class TrainingRows {

    /** A feature must be present in at least this share of rows to be used; rarer ones would break every window. */
    static final double MIN_FEATURE_COVERAGE = 0.9;

    private final ExperienceStore store;

    public TrainingRows(ExperienceStore store) {
        this.store = store;
    }

    /** Rows in time order per symbol, and the features chosen from them. */
    public record Loaded(List<MarketRow> rows, List<String> features, int filesRead, int shadowSkipped) {
    }

    public Loaded load(int daysBack) {
        return load(daysBack, Instant.MAX);
    }

    /** The rows logged up to {@code upTo} (included), with the PnL of the trades that had closed by then. */
    public Loaded load(int daysBack, Instant upTo) {
        var decisions = store.load(ExperienceKind.DECISIONS, daysBack).requireComplete();
        Map<String, Double> pnlByDecision = pnlByDecision(daysBack, upTo);
        List<MarketRow> rows = new ArrayList<>();
        int shadow = 0;
        Map<String, Integer> featureCounts = new TreeMap<>();
        for (DecisionRow d : decisions.rows()) {
            if (d.eventTime().isAfter(upTo)) {
                continue;
            }
            if (d.isShadow()) {
                shadow++;
                continue;
            }
            d.marketFeatures().keySet().forEach(f -> featureCounts.merge(f, 1, Integer::sum));
            rows.add(new MarketRow(d.symbol(), d.eventTime(), d.price(), d.marketFeatures(), pnlByDecision.get(d.id())));
        }
        int needed = (int) Math.ceil(rows.size() * MIN_FEATURE_COVERAGE);
        // The logged bar prices serve backtests; as inputs they would only tell the model the price level.
        List<String> features = featureCounts.entrySet().stream().filter(e -> e.getValue() >= needed)
                .map(Map.Entry::getKey).filter(f -> !io.omega.learning.backtest.BarPrices.isPrice(f)).toList();
        return new Loaded(rows, features, decisions.filesRead(), shadow);
    }

    /**
     * Whether the files hold a decision and an outcome at or after {@code upTo} (on its day or the next): the sink files
     * each topic in event order per symbol, so everything logged before them is on file too.
     */
    public boolean filedThrough(Instant upTo) {
        // Only upTo's day and the next are read (the bar at upTo, or one just after midnight): a trainer polls this
        // while it waits, and the whole window would be read again at every look.
        LocalDate from = upTo.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = from.plusDays(1);
        return store.load(ExperienceKind.DECISIONS, from, to).rows().stream().anyMatch(d -> !d.eventTime().isBefore(upTo))
                && store.load(ExperienceKind.OUTCOMES, from, to).rows().stream().anyMatch(o -> !o.eventTime().isBefore(upTo));
    }

    private Map<String, Double> pnlByDecision(int daysBack, Instant upTo) {
        // An outcome can close a trade opened just before the window: read one day more of executions.
        Map<String, String> decisionByTrade = new HashMap<>();
        for (ExecutionRow e : store.load(ExperienceKind.EXECUTIONS, daysBack + 1).rows()) {
            if (e.tradeId() != null && e.decisionId() != null) {
                decisionByTrade.put(e.tradeId(), e.decisionId());
            }
        }
        Map<String, Double> pnl = new HashMap<>();
        for (OutcomeRow o : store.load(ExperienceKind.OUTCOMES, daysBack + 1).rows()) {
            if (o.eventTime().isAfter(upTo)) {
                continue;
            }
            String decision = decisionByTrade.get(o.tradeId());
            if (decision != null) {
                pnl.put(decision, o.pnl());
            }
        }
        return pnl;
    }
}
