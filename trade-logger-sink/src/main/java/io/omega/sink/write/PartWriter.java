package io.omega.sink.write;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;
import io.omega.store.format.AtomicFiles;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.layout.ExperienceLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one partition's buffer as part files, one per event date (UTC), each published atomically. Every file of
 * a flush is named by the flush's offset range, so re-consuming the same range after a crash produces the same
 * names, and a file is never written under a name that means different records.
 */
public final class PartWriter {

    private final ExperienceLayout layout;
    private final ExperienceFileFormat format;

    public PartWriter(ExperienceLayout layout, ExperienceFileFormat format) {
        this.layout = layout;
        this.format = format;
    }

    public ExperienceFileFormat format() {
        return format;
    }

    public FlushResult write(PartitionBuffer buffer) throws IOException {
        Map<LocalDate, List<ExperienceRow>> byDate = new TreeMap<>();
        for (ExperienceRow row : buffer.rows()) {
            byDate.computeIfAbsent(LocalDate.ofInstant(row.eventTime(), ZoneOffset.UTC), d -> new ArrayList<>()).add(row);
        }
        List<Path> files = new ArrayList<>();
        for (var day : byDate.entrySet()) {
            Path file = layout.partFile(buffer.kind(), day.getKey(), buffer.partition().partition(),
                    buffer.firstOffset(), buffer.lastOffset(), format.extension());
            writeRows(buffer.kind(), day.getValue(), file);
            files.add(file);
        }
        return new FlushResult(files, buffer.rows().size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeRows(ExperienceKind kind, List<ExperienceRow> rows, Path file) throws IOException {
        AtomicFiles.write(file, temp -> format.write(kind, rows, temp, Map.of()));
    }
}
