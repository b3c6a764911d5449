package io.omega.store;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Experiences#requireComplete()} when a load had to leave files out. */
public final class CorruptExperienceFileException extends RuntimeException {

    private final List<UnreadableFile> files;

    public CorruptExperienceFileException(List<UnreadableFile> files) {
        super("unreadable experience file" + (files.size() == 1 ? "" : "s") + ": "
                + files.stream().map(UnreadableFile::toString).collect(Collectors.joining("; ")));
        this.files = List.copyOf(files);
    }

    public List<UnreadableFile> files() {
        return files;
    }
}
