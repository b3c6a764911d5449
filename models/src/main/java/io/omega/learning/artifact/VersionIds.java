package io.omega.learning.artifact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Version ids {@code yyyyMMdd_HHmmss} in UTC. When the second is taken the next free second is used, so ids stay
 * in the one format and sort in the order they were made.
 */
public final class VersionIds {

    public static final Pattern FORMAT = Pattern.compile("\\d{8}_\\d{6}");
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public VersionIds(Clock clock) {
        this.clock = clock;
    }

    public String next(Predicate<String> taken) {
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = FORMATTER.format(t);
        while (taken.test(id)) {
            t = t.plusSeconds(1);
            id = FORMATTER.format(t);
        }
        return id;
    }

    public static void requireValid(String version) {
        if (version == null || !FORMAT.matcher(version).matches()) {
            throw new IllegalArgumentException("version must look like 20250124_120000 (yyyyMMdd_HHmmss, UTC), got '"
                    + version + "'");
        }
    }
}
