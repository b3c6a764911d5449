package io.omega.store.format;

import io.omega.store.ExperienceKind;
import io.omega.store.ExperienceRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file format for experience rows: Parquet (the default, columnar, compressed) or CSV (the other
 * choice, {@code self_learning.log_file_format: csv}). Both carry the same columns and a small key-value
 * metadata map.
 */
public interface ExperienceFileFormat {

    /** File name extension, without the dot. */
    String extension();

    /** Writes {@code rows} to {@code file}, replacing it. Not atomic by itself: see {@link AtomicFiles}. */
    <R extends ExperienceRow> void write(ExperienceKind<R> kind, List<R> rows, Path file, Map<String, String> metadata)
            throws IOException;

    <R extends ExperienceRow> FileContent<R> read(ExperienceKind<R> kind, Path file) throws IOException;

    /** Only the metadata, without reading the rows (cheap for Parquet: the footer). */
    Map<String, String> metadata(Path file) throws IOException;

    /** The format a file name says, for reading: {@code .parquet} or {@code .csv}. */
    static ExperienceFileFormat forFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith("." + ParquetFormat.EXTENSION)) {
            return ParquetFormat.READER;
        }
        if (name.endsWith("." + CsvFormat.EXTENSION)) {
            return CsvFormat.INSTANCE;
        }
        throw new IllegalArgumentException("not an experience file (expected .parquet or .csv): " + file);
    }
}
