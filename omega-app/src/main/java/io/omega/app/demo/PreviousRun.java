package io.omega.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A demo's data directory already used by an earlier run: its broker data ({@code kafka/}) would be started again,
 * with the earlier run's models, offsets and trades, and the new run would learn from both and hold for answers
 * the old state never gives. A run needs a directory of its own.
 */
public final class PreviousRun {

    private PreviousRun() {
    }

    /** Why {@code dir} cannot take a new run, or empty when it can. */
    public static Optional<String> in(Path dir) {
        Path broker = dir.resolve("kafka");
        return Files.exists(broker)
                ? Optional.of(dir + " already holds an earlier run (" + broker + "): give a new directory, or remove it")
                : Optional.empty();
    }
}
