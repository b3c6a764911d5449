package io.omega.app.demo;

import io.omega.paper.PaperTrader;
import io.omega.paper.ReplayPacing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which model the engine traded with from which bar on: the rules from bar 0 (where every replay starts), then one
 * entry per change, the rules being an empty version.
 */
public final class ProductionLog implements ReplayPacing {

    /** From bar {@code bar} (0-based) on, with {@code outcomesBefore} trades closed before it, {@code version} traded. */
    public record Change(long bar, long outcomesBefore, Optional<String> version) {
    }

    private final List<Change> changes = new ArrayList<>(List.of(new Change(0, 0, Optional.empty())));
    private final List<Long> closedAfterBar = new ArrayList<>();
    private long bars;
    private Optional<String> current = Optional.empty();

    @Override
    public synchronized void afterBar(PaperTrader trader) {
        bars++;
        closedAfterBar.add(trader.stats().outcomes());
        Optional<String> now = trader.productionVersion();
        if (!now.equals(current)) {
            current = now;
            changes.add(new Change(bars, trader.stats().outcomes(), now));
        }
    }

    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Trades closed once bar {@code bar} (1-based) had been traded. */
    public synchronized long closedAfter(long bar) {
        return bar <= 0 ? 0 : closedAfterBar.get((int) Math.min(bar, closedAfterBar.size()) - 1);
    }

    public synchronized long bars() {
        return bars;
    }
}
