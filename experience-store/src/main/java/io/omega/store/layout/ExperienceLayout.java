package io.omega.store.layout;

import io.omega.store.ExperienceKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where experience files live:
 * <pre>
 * &lt;data-dir&gt;/experiences/&lt;decisions|executions|outcomes&gt;/date=YYYY-MM-DD/part-&lt;partition&gt;-&lt;firstOffset&gt;-&lt;lastOffset&gt;.parquet
 * &lt;data-dir&gt;/experiences/&lt;kind&gt;/date=YYYY-MM-DD/&lt;kind&gt;_YYYY-MM-DD.g&lt;n&gt;.parquet   (a compacted day)
 * &lt;data-dir&gt;/.experiences-work/&lt;kind&gt;/...                                        (the sink's, not for readers)
 * </pre>
 * {@code date=} directories are Hive-style partitions, so Spark, DuckDB and pandas add a {@code date} column.
 * Files being written have a name starting with '.' and ending in {@code .tmp}, which no glob on {@code *.parquet}
 * matches; they are renamed into place only when complete. The work directory lies outside {@code experiences/}
 * because DuckDB's {@code **} descends into hidden directories: a compaction's staging directory and the parts it
 * replaced must be where no reader's glob reaches.
 */
public final class ExperienceLayout {

    public static final String EXPERIENCES = "experiences";
    public static final String WORK = ".experiences-work";
    private static final String DATE_PREFIX = "date=";

    private final Path root;
    private final Path work;

    public ExperienceLayout(Path dataDir) {
        this.root = dataDir.resolve(EXPERIENCES);
        this.work = dataDir.resolve(WORK);
    }

    /**
     * Where the sink keeps directories no reader may see: a day being compacted and, after the swap, the parts it
     * replaced; days being deleted. On the same file system as {@link #root()}, so they move in by rename.
     */
    public Path workRoot() {
        return work;
    }

    /** The staging directory of a compaction of {@code date}; after the swap it holds the day's previous files. */
    public Path compactionDir(ExperienceKind<?> kind, LocalDate date) {
        return work.resolve(kind.name()).resolve(DATE_PREFIX + date + ".compacting");
    }

    /** Where an expired day is moved, all at once, before it is deleted. */
    public Path expiredDir(ExperienceKind<?> kind, LocalDate date) {
        return work.resolve(kind.name()).resolve(DATE_PREFIX + date + ".expired");
    }

    public Path root() {
        return root;
    }

    public Path kindDir(ExperienceKind<?> kind) {
        return root.resolve(kind.name());
    }

    public Path dayDir(ExperienceKind<?> kind, LocalDate date) {
        return kindDir(kind).resolve(DATE_PREFIX + date);
    }

    public Path partFile(ExperienceKind<?> kind, LocalDate date, int partition, long firstOffset, long lastOffset,
                         String extension) {
        return dayDir(kind, date).resolve(PartFile.name(partition, firstOffset, lastOffset, extension));
    }

    public Path compactedFile(ExperienceKind<?> kind, LocalDate date, int generation, String extension) {
        return dayDir(kind, date).resolve(CompactedFile.name(kind, date, generation, extension));
    }

    /** Days that have a directory, oldest first. */
    public List<LocalDate> days(ExperienceKind<?> kind) {
        Path dir = kindDir(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<LocalDate> days = new ArrayList<>();
            children.forEach(child -> parseDay(child).ifPresent(days::add));
            days.sort(Comparator.naturalOrder());
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The files of one day; an absent directory is an empty day. */
    public DayFiles dayFiles(ExperienceKind<?> kind, LocalDate date) {
        Path dir = dayDir(kind, date);
        List<PartFile> parts = new ArrayList<>();
        Path compacted = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // being written, or left behind by a crash: not part of the day
                }
                Optional<PartFile> part = PartFile.parse(file);
                if (part.isPresent()) {
                    parts.add(part.get());
                } else if (CompactedFile.parse(file, kind, date).isPresent()) {
                    compacted = file;
                }
            }
        } catch (NoSuchFileException e) {
            return new DayFiles(date, dir, Optional.empty(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        parts.sort(Comparator.comparingInt(PartFile::partition).thenComparingLong(PartFile::firstOffset));
        return new DayFiles(date, dir, Optional.ofNullable(compacted), parts);
    }

    private static Optional<LocalDate> parseDay(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(DATE_PREFIX) || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.substring(DATE_PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
