package io.omega.learning.model;

import java.util.Locale;

/** The two network families the loop trains; {@link #id()} is the name used in files, topics and the CLI. */
public enum ModelType {
    CNN, LSTM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelType parse(String text) {
        for (ModelType type : values()) {
            if (type.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown model type '" + text + "', expected one of cnn, lstm");
    }
}
