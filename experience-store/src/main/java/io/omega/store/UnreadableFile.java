package io.omega.store;

import java.nio.file.Path;

/** A file a load had to leave out, and why. */
public record UnreadableFile(Path file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
