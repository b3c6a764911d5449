package io.omega.paper.market.file;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads a file's timestamps, deciding their kind from the first one and holding every later one to it: epoch
 * seconds, milliseconds or microseconds (told apart by magnitude: any date between 1973 and 5138 has a different
 * number of digits in each unit) or ISO-8601. One file mixing units is an error, not something to guess row by row:
 * a second-sized number in a millisecond file is far more likely a broken row than a different unit.
 */
final class TimestampReader {

    /** How a file writes its times. */
    enum Kind {
        EPOCH_SECONDS("epoch seconds", 1_000_000_000L),
        EPOCH_MILLIS("epoch milliseconds", 1_000_000L),
        EPOCH_MICROS("epoch microseconds", 1_000L),
        ISO_8601("ISO-8601", 0);

        private final String description;
        private final long nanos;

        Kind(String description, long nanos) {
            this.description = description;
            this.nanos = nanos;
        }

        String description() {
            return description;
        }

        static Kind ofMagnitude(BigInteger whole) {
            if (whole.compareTo(BigInteger.valueOf(100_000_000_000L)) < 0) {
                return EPOCH_SECONDS;
            }
            if (whole.compareTo(BigInteger.valueOf(100_000_000_000_000L)) < 0) {
                return EPOCH_MILLIS;
            }
            if (whole.compareTo(BigInteger.valueOf(100_000_000_000_000_000L)) < 0) {
                return EPOCH_MICROS;
            }
            return null;
        }
    }

    private static final Pattern EPOCH = Pattern.compile("\\d+(\\.\\d+)?");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Kind kind;
    private RowRef decidedAt;

    /** The kind the file's first timestamp set, or null before any was read. */
    Kind kind() {
        return kind;
    }

    /** Whether {@code raw} is a timestamp of any kind (a header's first field is not). */
    static boolean looksLikeTimestamp(String raw) {
        return EPOCH.matcher(raw).matches() || iso(raw) != null;
    }

    Instant read(RowRef row, String field, String raw) {
        if (EPOCH.matcher(raw).matches()) {
            return epoch(row, field, new BigDecimal(raw), raw);
        }
        Instant iso = iso(raw);
        if (iso == null) {
            throw row.field(field, "expected a timestamp (epoch seconds, milliseconds or microseconds, or ISO-8601), "
                    + "got '" + raw + "'");
        }
        hold(row, field, Kind.ISO_8601, raw);
        return iso;
    }

    /** A timestamp stored as a number (JSON, Parquet without a timestamp type). */
    Instant read(RowRef row, String field, long value) {
        if (value < 0) {
            throw row.field(field, "expected an epoch time, got the negative " + value);
        }
        return epoch(row, field, BigDecimal.valueOf(value), Long.toString(value));
    }

    private Instant epoch(RowRef row, String field, BigDecimal value, String raw) {
        Kind magnitude = Kind.ofMagnitude(value.toBigInteger());
        if (magnitude == null) {
            throw row.field(field, "'" + raw + "' is too large for epoch seconds, milliseconds or microseconds");
        }
        hold(row, field, magnitude, raw);
        BigInteger[] parts = value.multiply(BigDecimal.valueOf(magnitude.nanos)).toBigInteger()
                .divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
        return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValueExact());
    }

    private void hold(RowRef row, String field, Kind seen, String raw) {
        if (kind == null) {
            kind = seen;
            decidedAt = row;
        } else if (kind != seen) {
            throw row.field(field, "'" + raw + "' is in " + seen.description + ", but this file's timestamps are in "
                    + kind.description + " (from " + decidedAt.place() + ")");
        }
    }

    /**
     * ISO-8601 as files write it: with an offset or {@code Z}, or without one (taken as UTC), with {@code T} or a
     * space between date and time (as pandas writes), or a bare date (daily candles).
     */
    private static Instant iso(String raw) {
        String text = raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date-time; perhaps a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
