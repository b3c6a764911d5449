package io.omega.paper.market.file;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bar lengths as people write them: {@code 30s}, {@code 1m}, {@code 4h}, {@code 1d} (or ISO-8601, {@code PT1M}). */
public final class BarLengths {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    private BarLengths() {
    }

    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("expected a bar length such as 30s, 1m, 5m, 1h, 1d or PT1M, got '"
                        + text + "'");
            }
        }
        if (d.isZero() || d.isNegative() || d.toMillis() == 0) {
            throw new IllegalArgumentException("a bar length must be at least a millisecond, got '" + text + "'");
        }
        return d;
    }

    /** "1 minute", "5 minutes", "4 hours", "1 day", "90 seconds". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (d.toNanos() % 1_000_000_000L != 0) {
            return d.toMillis() + " ms";
        }
        if (s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3_600 == 0) {
            return plural(s / 3_600, "hour");
        }
        if (s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
