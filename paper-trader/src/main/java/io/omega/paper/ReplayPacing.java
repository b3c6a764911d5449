package io.omega.paper;

/**
 * Told after each replayed bar; may hold the replay back until the rest of the loop has caught up (the validity
 * check waits there for each retraining to be trained, evaluated, judged and put into production, so that what the
 * loop decides does not depend on how fast the machine is).
 */
@FunctionalInterface
public interface ReplayPacing {

    ReplayPacing NONE = trader -> { };

    void afterBar(PaperTrader trader) throws InterruptedException;
}
