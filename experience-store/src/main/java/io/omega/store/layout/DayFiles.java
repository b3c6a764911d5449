package io.omega.store.layout;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one day directory of one kind holds: at most one compacted file and any number of part files. Parts named
 * in the compacted file's manifest are already inside it (they are leftovers of a compaction that has not yet
 * deleted them, or were rewritten by a re-consumption) and must not be read again.
 */
public record DayFiles(LocalDate date, Path directory, Optional<Path> compacted, List<PartFile> parts) {

    public DayFiles {
        parts = List.copyOf(parts);
    }

    public boolean isEmpty() {
        return compacted.isEmpty() && parts.isEmpty();
    }
}
