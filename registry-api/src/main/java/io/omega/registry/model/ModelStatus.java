package io.omega.registry.model;

/** Where a registered version stands. A version that leaves production is archived: it never serves as a candidate again. */
public enum ModelStatus {
    CANDIDATE, PRODUCTION, ARCHIVED;

    /** The lower-case name used on the wire and in tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
