package io.omega.app;

import sun.misc.Signal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes SIGTERM a clean stop whose exit status says how the stop went. The JVM's own SIGTERM handling runs the
 * shutdown hooks (where each service commits, flushes and closes) and then exits 143, which supervisors and
 * {@code docker stop} read as a crash. Here SIGTERM starts the same shutdown with status 0, and one more hook waits
 * for the command itself to return: when it failed, or did not stop within {@link #STOP_WAIT_SECONDS}, the JVM halts
 * with the command's status (or 143) instead. Ctrl-C (SIGINT) keeps the JVM's handling and its 130.
 */
final class TerminationSignal {

    /** Just above the 40 s the services get to close (ServiceRunner's hook), and the compose file's grace period. */
    static final long STOP_WAIT_SECONDS = 45;
    static final int NOT_STOPPED = 143;

    private TerminationSignal() {
    }

    /** {@code status} completes with the command's exit status when it returns. */
    static void install(CompletableFuture<Integer> status) {
        Signal.handle(new Signal("TERM"), signal -> {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> haltUnlessClean(status), "omega-stop-status"));
            } catch (IllegalStateException alreadyStopping) {
                return; // a second SIGTERM while the first stop runs: that stop decides the status
            }
            System.exit(0);
        });
    }

    private static void haltUnlessClean(CompletableFuture<Integer> status) {
        int code;
        try {
            code = status.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            code = NOT_STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = NOT_STOPPED;
        }
        if (code != 0) {
            // The shutdown already runs with status 0: only halt can report a failed stop.
            Runtime.getRuntime().halt(code);
        }
    }
}
