package io.omega.app.demo;

import java.util.function.BooleanSupplier;

/** How a held replay waits for the loop: it polls a condition until it holds or a deadline passes. */
final class Polling {

    private Polling() {
    }

    /**
     * @param deadlineNanos on {@link System#nanoTime()}'s scale
     * @return true once {@code done} holds, false when the deadline came first
     */
    static boolean until(BooleanSupplier done, long deadlineNanos, long everyMillis) throws InterruptedException {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            Thread.sleep(everyMillis);
        }
        return true;
    }
}
