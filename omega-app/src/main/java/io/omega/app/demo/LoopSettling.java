package io.omega.app.demo;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits, once the market replay has ended, until every request the loop made has its answer: each triggered
 * retraining trained (or failed), each registered candidate evaluated, each completed evaluation judged by the
 * promotion gate. A fixed pause would cut a cycle in half on a slow machine and waste time on a fast one; the
 * summary (and the end-to-end test reading the topics) should see whole cycles only.
 */
final class LoopSettling {

    /** What the loop has asked for and answered so far. */
    record Counts(long retrainsTriggered, long trainingsDone, long trainingsSucceeded, long evaluationsDone,
                  long evaluationsCompleted, long gateDecisions) {

        boolean settled() {
            return trainingsDone >= retrainsTriggered && evaluationsDone >= trainingsSucceeded
                    && gateDecisions >= evaluationsCompleted;
        }
    }

    private final Supplier<Counts> counts;
    private final Duration pollEvery;

    LoopSettling(Supplier<Counts> counts, Duration pollEvery) {
        this.counts = counts;
        this.pollEvery = pollEvery;
    }

    /**
     * Returns the counts once two looks a poll apart agree and are settled (a retraining triggered between them
     * shows as a change), or the last counts when {@code atMost} has passed first.
     */
    Counts await(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Counts last = counts.get();
        while (System.nanoTime() < deadline) {
            Thread.sleep(pollEvery.toMillis());
            Counts now = counts.get();
            if (now.settled() && now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
