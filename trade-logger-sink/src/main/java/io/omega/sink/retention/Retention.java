package io.omega.sink.retention;

import io.omega.sink.FileTrees;
import io.omega.store.ExperienceKind;
import io.omega.store.layout.ExperienceLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the days older than {@code self_learning.keep_logs_days}: with 90, a day is kept while it is one of the
 * last 90 days before today (UTC, by the clock), and deleted from the 91st day on. A day leaves the layout in one
 * rename (into the work directory, outside every reader's glob) before its files are deleted, so no reader ever
 * sees half a day.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ExperienceLayout layout;
    private final int keepDays;
    private final Clock clock;

    public Retention(ExperienceLayout layout, int keepDays, Clock clock) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keep_logs_days must be >= 1, got " + keepDays);
        }
        this.layout = layout;
        this.keepDays = keepDays;
        this.clock = clock;
    }

    /** The oldest day still kept. */
    public LocalDate oldestKept() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(keepDays);
    }

    /** Deletes expired day directories; returns them. */
    public List<Path> apply() throws IOException {
        LocalDate oldest = oldestKept();
        List<Path> deleted = new ArrayList<>();
        for (ExperienceKind<?> kind : ExperienceKind.all()) {
            for (LocalDate day : layout.days(kind)) {
                if (day.isBefore(oldest)) {
                    Path dir = layout.dayDir(kind, day);
                    Path expired = layout.expiredDir(kind, day);
                    FileTrees.delete(expired);
                    Files.createDirectories(expired.getParent());
                    Files.move(dir, expired, StandardCopyOption.ATOMIC_MOVE);
                    FileTrees.delete(expired);
                    deleted.add(dir);
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Retention ({} days): deleted {}", keepDays, deleted);
        }
        return deleted;
    }
}
