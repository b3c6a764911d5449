package io.omega.store;

import java.util.List;
import java.util.Map;

/**
 * The rows of one load.
 *
 * @param rows       every row, ordered by event time (then Kafka partition and offset, so ties keep a stable order)
 * @param bySymbol   the same rows per symbol, each list in event-time order
 * @param unreadable files that were left out because they could not be read (each named, with the reason);
 *                   everything else was read
 * @param filesRead  how many files the rows came from
 */
public record Experiences<R extends ExperienceRow>(List<R> rows, Map<String, List<R>> bySymbol,
                                                   List<UnreadableFile> unreadable, int filesRead) {

    public Experiences {
        rows = List.copyOf(rows);
        bySymbol = Map.copyOf(bySymbol);
        unreadable = List.copyOf(unreadable);
    }

    public int size() {
        return rows.size();
    }

    /** The rows of one symbol in event-time order; empty when it has none. */
    public List<R> forSymbol(String symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    public boolean isComplete() {
        return unreadable.isEmpty();
    }

    /** These experiences, or a {@link CorruptExperienceFileException} naming every file that was left out. */
    public Experiences<R> requireComplete() {
        if (!unreadable.isEmpty()) {
            throw new CorruptExperienceFileException(unreadable);
        }
        return this;
    }
}
