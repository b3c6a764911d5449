package io.omega.store;

import io.omega.store.format.ExperienceCodecs;
import io.omega.store.format.RowCodec;

import java.util.List;
import java.util.Optional;

/**
 * The three kinds of experience, each with its directory name, row type and columns. A typed constant rather than
 * an enum so that {@code store.load(ExperienceKind.DECISIONS, 7)} hands back {@code DecisionRow}s.
 */
public final class ExperienceKind<R extends ExperienceRow> {

    public static final ExperienceKind<DecisionRow> DECISIONS =
            new ExperienceKind<>("decisions", DecisionRow.class, ExperienceCodecs.DECISIONS);
    public static final ExperienceKind<ExecutionRow> EXECUTIONS =
            new ExperienceKind<>("executions", ExecutionRow.class, ExperienceCodecs.EXECUTIONS);
    public static final ExperienceKind<OutcomeRow> OUTCOMES =
            new ExperienceKind<>("outcomes", OutcomeRow.class, ExperienceCodecs.OUTCOMES);

    private static final List<ExperienceKind<?>> ALL = List.of(DECISIONS, EXECUTIONS, OUTCOMES);

    private final String name;
    private final Class<R> rowType;
    private final RowCodec<R> codec;

    private ExperienceKind(String name, Class<R> rowType, RowCodec<R> codec) {
        this.name = name;
        this.rowType = rowType;
        this.codec = codec;
    }

    public static List<ExperienceKind<?>> all() {
        return ALL;
    }

    public static Optional<ExperienceKind<?>> byName(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
    }

    /** Directory name and the prefix of compacted files: decisions, executions, outcomes. */
    public String name() {
        return name;
    }

    public Class<R> rowType() {
        return rowType;
    }

    public RowCodec<R> codec() {
        return codec;
    }

    @Override
    public String toString() {
        return name;
    }
}
