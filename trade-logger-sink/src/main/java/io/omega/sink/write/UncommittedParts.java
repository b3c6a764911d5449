package io.omega.sink.write;

import io.omega.store.ExperienceKind;
import io.omega.store.layout.ExperienceLayout;
import io.omega.store.layout.PartFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the files of flushes whose offsets were never committed. A crash between publishing a flush's files
 * and committing its offsets leaves files for records that will be consumed again, possibly in differently sized
 * flushes (the flush size depends on timing); deleting them before consuming again means the records are written
 * once, by the new flush. Only files at or past the position consumption resumes from are touched: everything
 * before it is committed.
 */
public final class UncommittedParts {

    private static final Logger LOG = LoggerFactory.getLogger(UncommittedParts.class);

    private final ExperienceLayout layout;

    public UncommittedParts(ExperienceLayout layout) {
        this.layout = layout;
    }

    /** Deletes the part files of {@code partition} whose first offset is at or after {@code position}. */
    public List<Path> delete(ExperienceKind<?> kind, int partition, long position) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (LocalDate day : layout.days(kind)) {
            for (PartFile part : layout.dayFiles(kind, day).parts()) {
                if (part.partition() == partition && part.firstOffset() >= position) {
                    Files.deleteIfExists(part.path());
                    deleted.add(part.path());
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {} uncommitted part file(s) of {} partition {} at or past offset {}: {}", deleted.size(),
                    kind, partition, position, deleted);
        }
        return deleted;
    }
}
