package io.omega.config;

import java.nio.file.Path;

/** The {@code storage} section: the data directory holding experiences, models and reports. */
public record StorageConfig(Path dataDir) {

    static StorageConfig read(Section s) {
        String dir = s.string("data_dir", "data");
        if (dir.isBlank()) {
            s.problem("data_dir", "must not be empty");
            dir = "data";
        }
        return new StorageConfig(Path.of(dir));
    }
}
