package io.omega.registry.model;

import java.util.List;
import java.util.Optional;

/** The model types the registry keeps: the two architectures the trainer builds. */
public final class ModelTypes {

    public static final List<String> KNOWN = List.of("cnn", "lstm");

    private ModelTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }

    /** Why {@code type} is not a model type, or empty when it is. */
    public static Optional<String> problem(String type) {
        return isKnown(type) ? Optional.empty()
                : Optional.of("unknown model type '" + type + "' (known: " + String.join(", ", KNOWN) + ")");
    }
}
