package io.omega.sink.compaction;

import io.omega.sink.FileTrees;
import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.FileContent;
import io.omega.store.format.Manifest;
import io.omega.store.layout.CompactedFile;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges the files of a closed day into one file per kind, {@code <kind>_YYYY-MM-DD.g<n>.<ext>}, in event-time
 * order. A day is closed once the closing time the sink passes in (its event-time watermark, or the wall clock
 * when it is caught up) is past the end of the day by the grace period. Records that still arrive for a closed day
 * become new parts, and the next run merges them into the next generation of the compacted file.
 *
 * <p>The switch is one atomic exchange of two directories ({@link DirectorySwap}): the merged file is written into
 * a staging directory outside {@code experiences/}, then the staging directory and the day directory trade places.
 * Whoever lists {@code date=D} sees the directory of parts or the directory holding only the merged file, never
 * both and never neither; after the exchange the parts sit in the work directory, where no glob reaches, and
 * {@link Leftovers} deletes them on the next pass or at start-up. A crash before the exchange leaves the parts
 * in place and a staging directory nobody reads; after it, the merged file in place and old parts nobody reads.
 * Either way the work directory is simply deleted. Where no atomic exchange exists, days stay in parts (still
 * read exactly once) and a warning says so.
 *
 * <p>Nothing writes into a day directory during a compaction: it runs on the sink's consumer thread after every
 * pending flush is published and committed. A part that cannot be read stops the day's compaction (its files stay
 * as they are) and is reported, naming the file.
 */
public final class DayCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(DayCompactor.class);

    /** What one run did. */
    public record Result(List<Path> compacted, List<Path> failed) {
    }

    private final ExperienceLayout layout;
    private final ExperienceFileFormat format;
    private final Duration grace;
    private final DirectorySwap swap;
    private final Leftovers leftovers;
    private final CompactionSteps steps;
    private boolean swapUnsupported;

    public DayCompactor(ExperienceLayout layout, ExperienceFileFormat format, Duration grace) {
        this(layout, format, grace, DirectorySwap.platform(), CompactionSteps.fromSystemProperties());
    }

    public DayCompactor(ExperienceLayout layout, ExperienceFileFormat format, Duration grace, DirectorySwap swap,
                        CompactionSteps steps) {
        this.layout = layout;
        this.format = format;
        this.grace = grace;
        this.swap = swap;
        this.steps = steps;
        this.leftovers = new Leftovers(layout, steps);
    }

    /** Whether {@code day} is closed at {@code closingTime}. */
    public boolean isClosed(LocalDate day, Instant closingTime) {
        Instant end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !closingTime.isBefore(end.plus(grace));
    }

    /**
     * Deletes what earlier passes replaced, then compacts every closed day of every kind that has files not yet
     * merged (new parts, or parts a compaction of an earlier version left beside its merged file).
     */
    public Result compactClosedDays(Instant closingTime) {
        List<Path> compacted = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        try {
            leftovers.removeWorkDirectory();
        } catch (IOException e) {
            LOG.error("Could not delete replaced files under {}: {}", layout.workRoot(), e.getMessage());
            return new Result(compacted, failed);
        }
        for (ExperienceKind<?> kind : ExperienceKind.all()) {
            for (LocalDate day : layout.days(kind)) {
                if (!isClosed(day, closingTime) || swapUnsupported) {
                    continue;
                }
                try {
                    compact(kind, day).ifPresent(compacted::add);
                } catch (DirectorySwap.UnsupportedSwapException e) {
                    swapUnsupported = true;
                    LOG.warn("Compaction is off: {}. Days stay in part files, which every reader still reads "
                            + "exactly once.", e.getMessage());
                } catch (IOException | RuntimeException e) {
                    LOG.error("Could not compact {} of {}: {}", kind, day, e.getMessage());
                    failed.add(layout.dayDir(kind, day));
                }
            }
        }
        return new Result(compacted, failed);
    }

    /** Merges one day now; empty when there was nothing to merge. Returns the merged file as readers see it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<Path> compact(ExperienceKind<?> kind, LocalDate day) throws IOException {
        DayFiles files = layout.dayFiles(kind, day);
        Optional<CompactedFile> existing = files.compacted().flatMap(p -> CompactedFile.parse(p, kind, day));
        List<ExperienceRow> rows = new ArrayList<>();
        Set<String> merged = new TreeSet<>();
        if (existing.isPresent()) {
            FileContent<? extends ExperienceRow> content = read(kind, existing.get().path());
            rows.addAll(content.rows());
            merged.addAll(Manifest.mergedParts(content.metadata()));
        }
        List<PartFile> fresh = new ArrayList<>();
        boolean leftovers = false;
        for (PartFile part : files.parts()) {
            if (merged.contains(part.fileName())) {
                leftovers = true; // beside its merged file: globbing readers count it twice until it goes
            } else {
                fresh.add(part);
            }
        }
        boolean otherFormat = existing.isPresent()
                && !existing.get().path().getFileName().toString().endsWith("." + format.extension());
        if (fresh.isEmpty() && !leftovers && !otherFormat) {
            return Optional.empty();
        }
        for (PartFile part : fresh) {
            rows.addAll(read(kind, part.path()).rows());
            merged.add(part.fileName());
        }
        rows.sort(Comparator.comparing(ExperienceRow::eventTime).thenComparingInt(ExperienceRow::kafkaPartition)
                .thenComparingLong(ExperienceRow::kafkaOffset));

        Path staging = layout.compactionDir(kind, day);
        FileTrees.delete(staging);
        Files.createDirectories(staging);
        String name = CompactedFile.name(kind, day, existing.map(CompactedFile::generation).orElse(0) + 1,
                format.extension());
        AtomicFiles.write(staging.resolve(name), temp -> {
            format.write((ExperienceKind) kind, rows, temp, Manifest.of(merged));
            steps.reached(CompactionStep.MERGED_FILE_WRITTEN);
        });
        keepForeignFiles(files, staging);
        steps.reached(CompactionStep.STAGED);

        swap.exchange(staging, files.directory());
        steps.reached(CompactionStep.SWAPPED);
        AtomicFiles.forceDirectory(files.directory().getParent());
        AtomicFiles.forceDirectory(staging.getParent());

        Path target = files.directory().resolve(name);
        LOG.info("Compacted {} of {}: {} rows from {} new part(s) into {}", kind, day, rows.size(), fresh.size(),
                target);
        return Optional.of(target);
    }

    /**
     * Files in the day directory that are neither the sink's parts nor its compacted file (someone else's) are
     * hard-linked into the staging directory, so the exchange neither hides them nor lets them be deleted with
     * the replaced directory. Hidden temporary files are the sink's own and stay behind.
     */
    private static void keepForeignFiles(DayFiles files, Path staging) throws IOException {
        Set<Path> own = new java.util.HashSet<>();
        files.compacted().ifPresent(own::add);
        files.parts().forEach(part -> own.add(part.path()));
        try (Stream<Path> entries = Files.list(files.directory())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (own.contains(entry) || name.startsWith(".") && name.endsWith(".tmp")) {
                    continue;
                }
                Files.createLink(staging.resolve(entry.getFileName()), entry);
            }
        }
    }

    private FileContent<? extends ExperienceRow> read(ExperienceKind<?> kind, Path file) throws IOException {
        try {
            return ExperienceFileFormat.forFile(file).read(kind, file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read " + file + " (" + e.getMessage() + "); the day is left uncompacted", e);
        }
    }
}
