package io.omega.sink.compaction;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.FileContent;
import io.omega.store.format.Manifest;
import io.omega.store.layout.DayFiles;
import io.omega.store.layout.ExperienceLayout;
import io.omega.store.layout.PartFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the part files of a closed day into one file per kind, {@code <kind>_YYYY-MM-DD.<ext>}, in event-time
 * order. A day is closed once the event-time watermark (the latest event time the sink has seen) is past the end
 * of the day by the grace period. Records that still arrive for a closed day become new parts, and the next run
 * merges them into the compacted file again.
 *
 * <p>The switch is one atomic rename: the merged file carries a manifest naming the parts it contains, and readers
 * skip those parts; the parts are deleted only afterwards. A crash anywhere leaves either the old parts alone, or
 * the merged file plus parts it already names (deleted by the next run). A part that cannot be read stops the
 * day's compaction (its parts stay as they are) and is reported, naming the file.
 */
public final class DayCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(DayCompactor.class);

    /** What one run did. */
    public record Result(List<Path> compacted, List<Path> failed) {
    }

    private final ExperienceLayout layout;
    private final ExperienceFileFormat format;
    private final Duration grace;

    public DayCompactor(ExperienceLayout layout, ExperienceFileFormat format, Duration grace) {
        this.layout = layout;
        this.format = format;
        this.grace = grace;
    }

    /** Whether {@code day} is closed when the watermark is at {@code watermark}. */
    public boolean isClosed(LocalDate day, Instant watermark) {
        Instant end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !watermark.isBefore(end.plus(grace));
    }

    /** Compacts every closed day of every kind that has parts not yet merged. */
    public Result compactClosedDays(Instant watermark) {
        List<Path> compacted = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        for (ExperienceKind<?> kind : ExperienceKind.all()) {
            for (LocalDate day : layout.days(kind)) {
                if (!isClosed(day, watermark)) {
                    continue;
                }
                try {
                    compact(kind, day).ifPresent(compacted::add);
                } catch (IOException | RuntimeException e) {
                    LOG.error("Could not compact {} of {}: {}", kind, day, e.getMessage());
                    failed.add(layout.dayDir(kind, day));
                }
            }
        }
        return new Result(compacted, failed);
    }

    /** Merges one day now; empty when there was nothing new to merge. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public java.util.Optional<Path> compact(ExperienceKind<?> kind, LocalDate day) throws IOException {
        DayFiles files = layout.dayFiles(kind, day);
        List<ExperienceRow> rows = new ArrayList<>();
        Set<String> merged = new TreeSet<>();
        if (files.compacted().isPresent()) {
            Path existing = files.compacted().get();
            FileContent<? extends ExperienceRow> content = read(kind, existing);
            rows.addAll(content.rows());
            merged.addAll(Manifest.mergedParts(content.metadata()));
        }
        List<PartFile> leftovers = new ArrayList<>();
        List<PartFile> fresh = new ArrayList<>();
        for (PartFile part : files.parts()) {
            (merged.contains(part.fileName()) ? leftovers : fresh).add(part);
        }
        Path target = layout.compactedFile(kind, day, format.extension());
        boolean needsWrite = !fresh.isEmpty()
                || (files.compacted().isPresent() && !files.compacted().get().equals(target));
        if (needsWrite) {
            for (PartFile part : fresh) {
                rows.addAll(read(kind, part.path()).rows());
                merged.add(part.fileName());
            }
            rows.sort(Comparator.comparing(ExperienceRow::eventTime).thenComparingInt(ExperienceRow::kafkaPartition)
                    .thenComparingLong(ExperienceRow::kafkaOffset));
            AtomicFiles.write(target, temp -> format.write((ExperienceKind) kind, rows, temp, Manifest.of(merged)));
            if (files.compacted().isPresent() && !files.compacted().get().equals(target)) {
                Files.deleteIfExists(files.compacted().get()); // the format changed: the new file holds everything
            }
            LOG.info("Compacted {} of {}: {} rows from {} new part(s) into {}", kind, day, rows.size(), fresh.size(),
                    target);
        }
        for (PartFile part : leftovers) {
            Files.deleteIfExists(part.path());
        }
        for (PartFile part : fresh) {
            Files.deleteIfExists(part.path());
        }
        if (!leftovers.isEmpty() || !fresh.isEmpty()) {
            AtomicFiles.forceDirectory(files.directory());
        }
        return needsWrite ? java.util.Optional.of(target) : java.util.Optional.empty();
    }

    private FileContent<? extends ExperienceRow> read(ExperienceKind<?> kind, Path file) throws IOException {
        try {
            return ExperienceFileFormat.forFile(file).read(kind, file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read " + file + " (" + e.getMessage() + "); the day is left uncompacted", e);
        }
    }
}
