package io.omega.sink.compaction;

import io.omega.store.ExperienceKind;
import io.omega.store.layout.ExperienceLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what a killed sink leaves behind, none of which any reader sees: hidden {@code .<name>.tmp} files of
 * writes that never got renamed into place, and the work directory (a compaction's staging directory, or the
 * files a compaction replaced, or a day being deleted). Every compaction starts from scratch, so whatever is in
 * the work directory can go, whichever step a crash interrupted.
 *
 * <p>Replaced files are not deleted by the compaction that replaced them but by the next pass (a maintenance
 * interval later): a reader that opened the day directory an instant before the swap still lists its old
 * entries then, and opening them by name fails loudly instead of the listing coming back empty.
 */
public final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private final ExperienceLayout layout;
    private final CompactionSteps steps;

    public Leftovers(ExperienceLayout layout, CompactionSteps steps) {
        this.layout = layout;
        this.steps = steps;
    }

    /** Everything a crashed predecessor may have left: the work directory and hidden temporary files. */
    public void removeAtStart() throws IOException {
        removeWorkDirectory();
        List<Path> temporary = removeTemporaryFiles();
        if (!temporary.isEmpty()) {
            LOG.info("Removed {} temporary file(s) left by an interrupted write: {}", temporary.size(), temporary);
        }
    }

    /** The staging and replaced directories of earlier compactions, and days retention has moved out. */
    public void removeWorkDirectory() throws IOException {
        Path work = layout.workRoot();
        if (!Files.exists(work)) {
            return;
        }
        boolean first = true;
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                boolean file = Files.isRegularFile(p);
                Files.deleteIfExists(p);
                if (file && first) {
                    first = false;
                    steps.reached(CompactionStep.RETIRED_PARTLY_DELETED);
                }
            }
        }
    }

    /** Hidden {@code .*.tmp} files in the day directories of every kind. */
    public List<Path> removeTemporaryFiles() throws IOException {
        List<Path> removed = new ArrayList<>();
        for (ExperienceKind<?> kind : ExperienceKind.all()) {
            for (LocalDate day : layout.days(kind)) {
                try (Stream<Path> files = Files.list(layout.dayDir(kind, day))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(file)) {
                            Files.deleteIfExists(file);
                            removed.add(file);
                        }
                    }
                }
            }
        }
        return removed;
    }
}
