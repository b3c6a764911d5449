package io.omega.store;

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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads experience files back: compacted days and the part files of days not yet compacted alike, Parquet or CSV.
 * The last seven days of a kind are {@code load(kind, 7)}.
 *
 * <p>A file that cannot be read (corrupt, truncated, wrong columns) does not fail the load: it is logged with its
 * path and the reason, left out, and listed in {@link Experiences#unreadable()}; every other file is read.
 * Callers that must not continue on partial data call {@link Experiences#requireComplete()}, which throws an
 * exception naming the files.
 */
public final class ExperienceStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExperienceStore.class);
    private static final int ATTEMPTS = 3;

    private final ExperienceLayout layout;
    private final Clock clock;

    public ExperienceStore(Path dataDir, Clock clock) {
        this.layout = new ExperienceLayout(dataDir);
        this.clock = clock;
    }

    public ExperienceStore(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    public ExperienceLayout layout() {
        return layout;
    }

    /** The last {@code daysBack} days, today (UTC) included: {@code load(kind, 1)} is today only. */
    public <R extends ExperienceRow> Experiences<R> load(ExperienceKind<R> kind, int daysBack) {
        if (daysBack < 1) {
            throw new IllegalArgumentException("daysBack must be >= 1, got " + daysBack);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return load(kind, today.minusDays(daysBack - 1L), today);
    }

    /** The days {@code from} to {@code to}, both included (UTC event dates). */
    public <R extends ExperienceRow> Experiences<R> load(ExperienceKind<R> kind, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        List<R> rows = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        int files = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            files += loadDay(kind, day, rows, unreadable);
        }
        rows.sort(Comparator.comparing(ExperienceRow::eventTime)
                .thenComparingInt(ExperienceRow::kafkaPartition)
                .thenComparingLong(ExperienceRow::kafkaOffset));
        Map<String, List<R>> bySymbol = new LinkedHashMap<>();
        for (R row : rows) {
            bySymbol.computeIfAbsent(row.symbol(), s -> new ArrayList<>()).add(row);
        }
        bySymbol.replaceAll((symbol, list) -> List.copyOf(list));
        return new Experiences<>(rows, bySymbol, unreadable, files);
    }

    /**
     * One day's rows, appended to {@code rows}. A compaction may swap the day's directory between listing and
     * reading it; a listed file is then gone (compacted files are named by generation, so no listed name comes
     * back with other contents) and the day is listed again.
     */
    private <R extends ExperienceRow> int loadDay(ExperienceKind<R> kind, LocalDate day, List<R> rows,
                                                  List<UnreadableFile> unreadable) {
        for (int attempt = 1; ; attempt++) {
            List<R> dayRows = new ArrayList<>();
            List<UnreadableFile> dayUnreadable = new ArrayList<>();
            try {
                int files = readDay(kind, layout.dayFiles(kind, day), dayRows, dayUnreadable);
                rows.addAll(dayRows);
                unreadable.addAll(dayUnreadable);
                return files;
            } catch (NoSuchFileException vanished) {
                if (attempt == ATTEMPTS) {
                    unreadable.add(new UnreadableFile(Path.of(vanished.getFile()),
                            "disappeared while being read " + ATTEMPTS + " times"));
                    return 0;
                }
            }
        }
    }

    private <R extends ExperienceRow> int readDay(ExperienceKind<R> kind, DayFiles day, List<R> rows,
                                                  List<UnreadableFile> unreadable) throws NoSuchFileException {
        int files = 0;
        Set<String> merged = Set.of();
        if (day.compacted().isPresent()) {
            Path file = day.compacted().get();
            FileContent<R> content = read(kind, file, unreadable);
            if (content != null) {
                rows.addAll(content.rows());
                merged = Manifest.mergedParts(content.metadata());
                files++;
            }
        }
        List<Path> parts = new ArrayList<>();
        for (PartFile part : day.parts()) {
            if (!merged.contains(part.fileName())) {
                parts.add(part.path());
            }
        }
        // Parts are independent files: read them on every core, keep their order.
        List<Object> results = parts.parallelStream().map(file -> {
            List<UnreadableFile> problems = new ArrayList<>(1);
            try {
                FileContent<R> content = read(kind, file, problems);
                return content != null ? (Object) content : problems.get(0);
            } catch (NoSuchFileException e) {
                return e;
            }
        }).toList();
        for (Object result : results) {
            if (result instanceof NoSuchFileException vanished) {
                throw vanished;
            }
        }
        for (Object result : results) {
            if (result instanceof FileContent<?> content) {
                @SuppressWarnings("unchecked")
                List<R> partRows = (List<R>) content.rows();
                rows.addAll(partRows);
                files++;
            } else {
                unreadable.add((UnreadableFile) result);
            }
        }
        return files;
    }

    private <R extends ExperienceRow> FileContent<R> read(ExperienceKind<R> kind, Path file,
                                                          List<UnreadableFile> unreadable) throws NoSuchFileException {
        try {
            return ExperienceFileFormat.forFile(file).read(kind, file);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                // Gone since the day was listed (the Parquet reader says so with a FileNotFoundException): a
                // compaction swapped the day, which is read again, not a corrupt file.
                throw new NoSuchFileException(file.toString());
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("Skipping unreadable experience file {} ({})", file, reason);
            unreadable.add(new UnreadableFile(file, reason));
            return null;
        }
    }
}
