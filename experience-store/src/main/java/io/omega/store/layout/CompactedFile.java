package io.omega.store.layout;

import io.omega.store.ExperienceKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compacted day, {@code <kind>_YYYY-MM-DD.g<generation>.<ext>}. Every compaction of a day writes the next
 * generation, so a file name never stands for different contents: a reader that listed the day before a
 * compaction swapped it and opens a name afterwards gets "no such file", never the newer file under the old name
 * (which would hold rows of parts the reader also read). Files without a generation are from earlier versions of
 * the sink and count as generation 0.
 */
public record CompactedFile(Path path, int generation) {

    private static final Pattern NAME = Pattern.compile("(\\w+)_(\\d{4}-\\d{2}-\\d{2})(?:\\.g(\\d+))?\\.(parquet|csv)");

    public static String name(ExperienceKind<?> kind, LocalDate date, int generation, String extension) {
        return kind.name() + "_" + date + ".g" + generation + "." + extension;
    }

    /** The file as a compacted file of {@code kind} and {@code date}, if its name says it is one. */
    public static Optional<CompactedFile> parse(Path path, ExperienceKind<?> kind, LocalDate date) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(kind.name()) || !m.group(2).equals(date.toString())) {
            return Optional.empty();
        }
        return Optional.of(new CompactedFile(path, m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }
}
