package io.omega.sink.compaction;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Swaps two directories in one atomic step: whoever opens either path sees one directory or the other, never a
 * gap and never a mix. This is what lets a compaction replace a day's parts by its merged file for readers that
 * list files themselves.
 */
public interface DirectorySwap {

    /** Thrown when the platform or file system cannot swap atomically; nothing has changed then. */
    final class UnsupportedSwapException extends IOException {
        public UnsupportedSwapException(String message) {
            super(message);
        }
    }

    void exchange(Path first, Path second) throws IOException;

    /** The atomic swap this platform offers: Linux's {@code renameat2(RENAME_EXCHANGE)}, elsewhere none. */
    static DirectorySwap platform() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new RenameExchange();
        }
        return (first, second) -> {
            throw new UnsupportedSwapException("no atomic directory exchange on " + System.getProperty("os.name"));
        };
    }
}
