package io.omega.store.layout;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part file written by one flush of one Kafka partition: {@code part-<partition>-<firstOffset>-<lastOffset>.<ext>}.
 * The offsets are those of the whole flush (every record the flush consumed from the partition), so the same
 * flush always produces the same names, whichever days its records fall on.
 */
public record PartFile(Path path, int partition, long firstOffset, long lastOffset) {

    private static final Pattern NAME = Pattern.compile("part-(\\d+)-(\\d+)-(\\d+)\\.(parquet|csv)");

    public static String name(int partition, long firstOffset, long lastOffset, String extension) {
        return "part-" + partition + "-" + firstOffset + "-" + lastOffset + "." + extension;
    }

    public static Optional<PartFile> parse(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PartFile(path, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))));
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
