package io.omega.registry.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model version ids: the UTC second the model was made, {@code yyyyMMdd_HHmmss} (e.g. {@code 20250124_120000}),
 * optionally followed by {@code _N} (N of 1 to 3 digits) when two models share a second.
 */
public final class VersionId {

    private static final Pattern SHAPE = Pattern.compile("(\\d{8}_\\d{6})(_\\d{1,3})?");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss").withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);

    private VersionId() {
    }

    /** Why {@code version} is not a valid version id, or empty when it is. */
    public static Optional<String> problem(String version) {
        if (version == null || version.isEmpty()) {
            return Optional.of("a version id is required (like 20250124_120000)");
        }
        Matcher m = SHAPE.matcher(version);
        if (!m.matches()) {
            return Optional.of("version '" + version + "' is not a version id: expected yyyyMMdd_HHmmss (UTC), like 20250124_120000");
        }
        try {
            LocalDateTime.parse(m.group(1), STAMP);
        } catch (DateTimeParseException e) {
            return Optional.of("version '" + version + "' is not a real UTC date and time");
        }
        return Optional.empty();
    }

    public static boolean isValid(String version) {
        return problem(version).isEmpty();
    }

    /** The id for a model made at {@code instant}, without the uniqueness suffix. */
    public static String of(java.time.Instant instant) {
        return STAMP.format(instant);
    }
}
