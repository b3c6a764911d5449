package io.omega.paper.market;

import io.omega.exchange.okx.TradeIds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trade ids of one symbol seen in the bars still open and the last closed one, so that a trade delivered twice
 * (OKX repeats its latest trade on every subscription, a REST gap fill overlaps the stream) counts once. An entry
 * that aggregates {@code fills} executions under its last id covers the ids before it too, so the single fills REST
 * returns for it are recognised as well.
 */
final class RecentTradeIds {

    /** Caps how many ids one aggregated entry marks: a bound on memory, far above what one order fills. */
    static final int MAX_MARKED_FILLS = 10_000;

    private final Set<String> ids = new HashSet<>();
    private final TreeMap<Long, List<String>> byInterval = new TreeMap<>();

    boolean seen(String tradeId) {
        return ids.contains(tradeId);
    }

    /** Remembers the trade's id (and those of the fills it aggregates) under the interval it belongs to. */
    void remember(String tradeId, int fills, long intervalStart) {
        List<String> interval = byInterval.computeIfAbsent(intervalStart, k -> new ArrayList<>());
        OptionalLong number = TradeIds.number(tradeId);
        if (number.isEmpty() || fills <= 1) {
            if (ids.add(tradeId)) {
                interval.add(tradeId);
            }
            return;
        }
        long last = number.getAsLong();
        for (long id = Math.max(0, last - Math.min(fills, MAX_MARKED_FILLS) + 1); id <= last; id++) {
            String covered = Long.toString(id);
            if (ids.add(covered)) {
                interval.add(covered);
            }
        }
    }

    /** Forgets the ids of intervals that start before {@code intervalStart}. */
    void forgetBefore(long intervalStart) {
        Map<Long, List<String>> old = byInterval.headMap(intervalStart);
        old.values().forEach(ids::removeAll);
        old.clear();
    }
}
