package io.omega.registry.model;

import java.time.Instant;

/**
 * One stretch of a version in production: who put it there, when and why, and who took it out, when and why.
 * The audit trail of production, one entry per entry into production.
 *
 * @param enteredBy     PROMOTED or ROLLED_BACK (how it entered)
 * @param leftHow       null while in production; else PROMOTED (another version replaced it) or ROLLED_BACK
 */
public record ProductionTenure(String version, String enteredBy, Instant enteredAt, String enteredActor,
                               String enteredReason, String replacedVersion, Instant leftAt, String leftHow,
                               String leftActor, String leftReason, String succeededBy) {

    public boolean current() {
        return leftAt == null;
    }

    /** Whether a promotion put it in production (not a rollback to it). */
    public boolean enteredByPromotion() {
        return "PROMOTED".equals(enteredBy);
    }

    /** Whether a rollback took it out of production (not a newer version's promotion). */
    public boolean leftByRollback() {
        return "ROLLED_BACK".equals(leftHow);
    }

    ProductionTenure ended(Instant at, String how, String actor, String reason, String successor) {
        return new ProductionTenure(version, enteredBy, enteredAt, enteredActor, enteredReason, replacedVersion, at, how,
                actor, reason, successor);
    }
}
