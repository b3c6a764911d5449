package io.omega.config;

/** One thing wrong with a configuration, named by the full key path (e.g. {@code self_learning.keep_logs_days}). */
public record ConfigProblem(String keyPath, String message) {

    @Override
    public String toString() {
        return keyPath + ": " + message;
    }
}
