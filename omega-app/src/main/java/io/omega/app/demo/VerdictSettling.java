package io.omega.app.demo;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Holds a replay after a closed trade until the live monitor has judged it and any rollback it asked for is applied
 * by the registry and traded by the engine. Without the hold, a rollback lands a few bars later on one run than on
 * another, and every trade after it differs.
 */
final class VerdictSettling {

    /** What the loop has done so far, as the held replay can see it. */
    interface Loop {
        /** Outcomes the live monitor has read. */
        long outcomesJudged();

        /** Rollbacks the live monitor has asked the registry for. */
        long rollbacksRequested();

        /** Rollbacks the registry has applied. */
        long rollbacksApplied();

        /** The registry's production version (empty: the engine's rules). */
        Optional<String> registryProduction();
    }

    private final Loop loop;

    VerdictSettling(Loop loop) {
        this.loop = loop;
    }

    /**
     * Waits until the monitor has read {@code closed} outcomes, then until the registry has applied every rollback
     * asked for and the engine trades its production version, or until {@code deadlineNanos}; at once while the
     * rules trade and nothing is outstanding.
     *
     * @return true when settled, false when the deadline came first
     */
    boolean await(long closed, Supplier<Optional<String>> engineProduction, long deadlineNanos)
            throws InterruptedException {
        // The monitor judges production models only: while the engine and the registry both have the rules, with no
        // rollback outstanding, no verdict can come, and waiting for the monitor to read the trade only costs time.
        if (engineProduction.get().isEmpty() && loop.registryProduction().isEmpty()
                && loop.rollbacksApplied() >= loop.rollbacksRequested()) {
            return true;
        }
        while (loop.outcomesJudged() < closed) {
            if (!sleepBefore(deadlineNanos)) {
                return false;
            }
        }
        while (loop.rollbacksApplied() < loop.rollbacksRequested()
                || !engineProduction.get().equals(loop.registryProduction())) {
            if (!sleepBefore(deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sleepBefore(long deadlineNanos) throws InterruptedException {
        if (System.nanoTime() >= deadlineNanos) {
            return false;
        }
        Thread.sleep(2);
        return true;
    }

    /** A {@link Loop} from suppliers. */
    static Loop of(LongSupplier outcomesJudged, LongSupplier rollbacksRequested, LongSupplier rollbacksApplied,
                   Supplier<Optional<String>> registryProduction) {
        return new Loop() {
            @Override
            public long outcomesJudged() {
                return outcomesJudged.getAsLong();
            }

            @Override
            public long rollbacksRequested() {
                return rollbacksRequested.getAsLong();
            }

            @Override
            public long rollbacksApplied() {
                return rollbacksApplied.getAsLong();
            }

            @Override
            public Optional<String> registryProduction() {
                return registryProduction.get();
            }
        };
    }
}
