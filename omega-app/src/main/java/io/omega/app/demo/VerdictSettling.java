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

    private final LongSupplier outcomesJudged;
    private final LongSupplier rollbacksRequested;
    private final LongSupplier rollbacksApplied;
    private final Supplier<Optional<String>> registryProduction;

    /**
     * @param outcomesJudged     outcomes the live monitor has read
     * @param rollbacksRequested rollbacks the live monitor has asked the registry for
     * @param rollbacksApplied   rollbacks the registry has applied
     * @param registryProduction the registry's production version (empty: the engine's rules)
     */
    VerdictSettling(LongSupplier outcomesJudged, LongSupplier rollbacksRequested, LongSupplier rollbacksApplied,
                    Supplier<Optional<String>> registryProduction) {
        this.outcomesJudged = outcomesJudged;
        this.rollbacksRequested = rollbacksRequested;
        this.rollbacksApplied = rollbacksApplied;
        this.registryProduction = registryProduction;
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
        if (engineProduction.get().isEmpty() && registryProduction.get().isEmpty()
                && rollbacksApplied.getAsLong() >= rollbacksRequested.getAsLong()) {
            return true;
        }
        return Polling.until(() -> outcomesJudged.getAsLong() >= closed, deadlineNanos, 2)
                && Polling.until(() -> rollbacksApplied.getAsLong() >= rollbacksRequested.getAsLong()
                        && engineProduction.get().equals(registryProduction.get()), deadlineNanos, 2);
    }
}
