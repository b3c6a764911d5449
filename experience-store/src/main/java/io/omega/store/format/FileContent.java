package io.omega.store.format;

import java.util.List;
import java.util.Map;

/** Rows read from one file, with the file's key-value metadata (the compaction manifest lives there). */
public record FileContent<R>(List<R> rows, Map<String, String> metadata) {
}
