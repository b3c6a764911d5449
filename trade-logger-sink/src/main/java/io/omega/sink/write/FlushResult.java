package io.omega.sink.write;

import java.nio.file.Path;
import java.util.List;

/** The files one flush of one partition published, and how many rows they hold. */
public record FlushResult(List<Path> files, int rows) {
}
