package io.omega.sink.compaction;

/**
 * Told when a compaction reaches each {@link CompactionStep}. In production nothing listens, unless the system
 * property {@value #HALT_AT} names a step: the JVM then halts there at once (no shutdown hooks, like
 * {@code kill -9}), which is how the crash tests stop a sink at an exact step.
 */
@FunctionalInterface
public interface CompactionSteps {

    String HALT_AT = "omega.sink.compaction.halt-at";
    /** The exit status of a JVM halted at a step, told apart from other deaths by the tests. */
    int HALT_STATUS = 86;

    CompactionSteps NONE = step -> {
    };

    void reached(CompactionStep step);

    static CompactionSteps fromSystemProperties() {
        String haltAt = System.getProperty(HALT_AT, "");
        if (haltAt.isBlank()) {
            return NONE;
        }
        CompactionStep target = CompactionStep.valueOf(haltAt.trim());
        return step -> {
            if (step == target) {
                System.err.println("Halting at compaction step " + step);
                System.err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        };
    }
}
