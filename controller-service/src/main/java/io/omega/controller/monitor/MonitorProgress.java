package io.omega.controller.monitor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live monitor of this process has done so far: outcomes read and rollbacks asked for. A replay that holds
 * at each trade until the monitor's verdict on it is in (and any rollback applied) reads these; the topics alone
 * cannot say, since a trade that passes the monitor leaves no record behind.
 */
public final class MonitorProgress {

    private final AtomicLong rollbacksRequested = new AtomicLong();
    private final AtomicLong outcomesRead = new AtomicLong();

    /** Counted before the rollback command is forwarded, so the count never lags the command. */
    void rollbackRequested() {
        rollbacksRequested.incrementAndGet();
    }

    /** Counted once an outcome is fully judged: whoever sees it counted also sees the rollback it caused. */
    void outcomeRead() {
        outcomesRead.incrementAndGet();
    }

    /** Outcomes the monitor has read, judged or skipped (backfilled, or not production's). */
    public long outcomesRead() {
        return outcomesRead.get();
    }

    public long rollbacksRequested() {
        return rollbacksRequested.get();
    }
}
