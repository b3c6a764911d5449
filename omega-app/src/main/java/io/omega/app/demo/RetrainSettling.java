package io.omega.app.demo;

import io.omega.paper.PaperTrader;
import io.omega.paper.ReplayPacing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Holds the replay at each retraining until the loop has settled: the candidate trained, evaluated and judged, and
 * the engine trading with whatever the registry now has in production. What the loop decides then depends on the
 * data, not on how fast this machine trains. Before looking for a new retraining it lets the controller read every
 * outcome the engine has closed, since the retraining is triggered on their count, and, at every
 * {@code min_trades_before_retrain}-th trade, waits for the trigger itself: it is another consumer of the same trades,
 * and without the wait the hold would land a few trades later on one run than on another. A promotion the gate asked for
 * counts as settled only once the registry has applied it and the engine trades with it; checking the registry's
 * production alone would pass before the registry had read the command, and the swap would land a few bars later
 * on one run than on another. After every closed trade it also waits for the live monitor's verdict on it
 * ({@link VerdictSettling}), so that a rollback lands at the same bar on every run.
 */
final class RetrainSettling implements ReplayPacing {

    private static final Duration TRIGGER_AT_MOST = Duration.ofSeconds(30);

    private final LongSupplier retrainsTriggered;
    private final LongSupplier outcomesSeenByController;
    private final LoopSettling settling;
    private final VerdictSettling verdicts;
    private final Supplier<Optional<String>> registryProduction;
    private final LongSupplier promotionsRequested;
    private final LongSupplier promotionsApplied;
    private final int tradesPerRetrain;
    private final Duration atMost;
    private long settledTriggers;
    private long outcomes;

    /**
     * @param promotionsRequested the promotions the gate has asked the registry for
     * @param promotionsApplied   the promotions the registry has applied
     * @param tradesPerRetrain    {@code min_trades_before_retrain}: with the replay held until each training is
     *                            answered, a retraining is triggered at exactly every this many closed trades
     */
    RetrainSettling(LongSupplier retrainsTriggered, LongSupplier outcomesSeenByController, LoopSettling settling,
                    VerdictSettling verdicts, Supplier<Optional<String>> registryProduction, LongSupplier promotionsRequested,
                    LongSupplier promotionsApplied, int tradesPerRetrain, Duration atMost) {
        this.tradesPerRetrain = tradesPerRetrain;
        this.promotionsRequested = promotionsRequested;
        this.promotionsApplied = promotionsApplied;
        this.retrainsTriggered = retrainsTriggered;
        this.outcomesSeenByController = outcomesSeenByController;
        this.settling = settling;
        this.verdicts = verdicts;
        this.registryProduction = registryProduction;
        this.atMost = atMost;
    }

    @Override
    public void afterBar(PaperTrader trader) throws InterruptedException {
        long closed = trader.stats().outcomes();
        if (closed == outcomes) {
            return;
        }
        outcomes = closed;
        long deadline = System.nanoTime() + atMost.toNanos();
        Polling.until(() -> outcomesSeenByController.getAsLong() >= closed, deadline, 5);
        verdicts.await(closed, trader::productionVersion, deadline);
        // A trigger is one hop away: if it has not come within TRIGGER_AT_MOST, the count is off its schedule (a
        // training that failed to answer in time), and the hold goes on rather than waiting at every later trade.
        long triggerDeadline = Math.min(deadline, System.nanoTime() + TRIGGER_AT_MOST.toNanos());
        Polling.until(() -> retrainsTriggered.getAsLong() >= closed / tradesPerRetrain, triggerDeadline, 5);
        if (retrainsTriggered.getAsLong() == settledTriggers) {
            return;
        }
        settling.await(atMost);
        Polling.until(() -> promotionsApplied.getAsLong() >= promotionsRequested.getAsLong()
                && trader.productionVersion().equals(registryProduction.get()), deadline, 20);
        settledTriggers = retrainsTriggered.getAsLong();
    }
}
