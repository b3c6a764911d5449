package io.omega.paper.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bars worked out the plain way, for tests to compare live bars with: each distinct trade once, grouped by interval,
 * sorted by time and id, open the first, close the last. Shares no code with {@link LiveBars}.
 */
public final class ExpectedBars {

    /** A trade as an exchange numbers it: {@code fills} executions under the last id. */
    public record Numbered(String tradeId, int fills, Trade trade) {
    }

    private ExpectedBars() {
    }

    /** The bars of every interval that ends at or before {@code closedUpTo}, oldest first. */
    public static List<Bar> of(String symbol, Collection<Numbered> trades, Duration step, Instant closedUpTo) {
        Set<String> ids = new HashSet<>();
        Map<Long, List<Numbered>> byInterval = new TreeMap<>();
        long ms = step.toMillis();
        for (Numbered t : trades) {
            if (!ids.add(t.tradeId())) {
                throw new IllegalArgumentException("expected bars take distinct trades, " + t.tradeId() + " twice");
            }
            long start = Math.floorDiv(t.trade().time().toEpochMilli(), ms) * ms;
            byInterval.computeIfAbsent(start, k -> new ArrayList<>()).add(t);
        }
        List<Bar> bars = new ArrayList<>();
        byInterval.forEach((start, list) -> {
            if (start + ms > closedUpTo.toEpochMilli()) {
                return;
            }
            list.sort(Comparator.comparing((Numbered t) -> t.trade().time())
                    .thenComparingLong(t -> Long.parseLong(t.tradeId())));
            double high = list.stream().mapToDouble(t -> t.trade().price()).max().orElseThrow();
            double low = list.stream().mapToDouble(t -> t.trade().price()).min().orElseThrow();
            double volume = 0;
            int count = 0;
            for (Numbered t : list) {
                volume += t.trade().amount();
                count += t.fills();
            }
            bars.add(new Bar(symbol, Instant.ofEpochMilli(start), list.get(0).trade().price(), high, low,
                    list.get(list.size() - 1).trade().price(), volume, count));
        });
        return bars;
    }
}
