package io.omega.paper.backfill;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of the decisions, executions and outcomes already in the experience files over a span of days: what a
 * backfill must not publish again, since the sink keeps every record it is given. Read one day at a time, so that a
 * year of history never sits in memory as rows. A file that cannot be read stops the lookup: the backfill cannot
 * then tell what has landed.
 */
public final class LoggedEventIds {

    private static final List<ExperienceKind<?>> KINDS =
            List.of(ExperienceKind.DECISIONS, ExperienceKind.EXECUTIONS, ExperienceKind.OUTCOMES);

    private final ExperienceStore store;

    public LoggedEventIds(ExperienceStore store) {
        this.store = store;
    }

    /** The ids of events whose time falls on the UTC days from {@code first}'s to {@code last}'s. */
    public Set<String> between(Instant first, Instant last) {
        Set<String> ids = new HashSet<>();
        LocalDate to = day(last);
        for (LocalDate day = day(first); !day.isAfter(to); day = day.plusDays(1)) {
            for (ExperienceKind<?> kind : KINDS) {
                store.load(kind, day, day).requireComplete().rows().forEach(row -> ids.add(row.id()));
            }
        }
        return ids;
    }

    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
