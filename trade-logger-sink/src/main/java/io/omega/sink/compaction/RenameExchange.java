package io.omega.sink.compaction;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE)}: Linux 3.15+, glibc 2.28+, supported by
 * ext4, xfs, btrfs and tmpfs (a file system without it answers EINVAL, and compaction is then off). The JDK
 * offers no atomic exchange, hence the native call through JNA.
 */
final class RenameExchange implements DirectorySwap {

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 1 << 1;
    private static final int EXDEV = 18;
    private static final int EINVAL = 22;
    private static final int ENOSYS = 38;

    private interface LibC extends Library {
        int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) throws LastErrorException;
    }

    private static final class Holder {
        private static final LibC LIBC = Native.load("c", LibC.class);
    }

    @Override
    public void exchange(Path first, Path second) throws IOException {
        try {
            Holder.LIBC.renameat2(AT_FDCWD, first.toAbsolutePath().toString(), AT_FDCWD,
                    second.toAbsolutePath().toString(), RENAME_EXCHANGE);
        } catch (LastErrorException e) {
            String what = "cannot exchange " + first + " and " + second + ": errno " + e.getErrorCode();
            if (e.getErrorCode() == EINVAL || e.getErrorCode() == ENOSYS || e.getErrorCode() == EXDEV) {
                throw new UnsupportedSwapException(what + " (RENAME_EXCHANGE not supported here)");
            }
            throw new IOException(what, e);
        } catch (LinkageError e) {
            // No libc with renameat2 (before glibc 2.28), or JNA's own native part cannot load (first use fails
            // with ExceptionInInitializerError, later ones with NoClassDefFoundError).
            throw new UnsupportedSwapException("renameat2 is not available: " + e);
        }
    }
}
