package io.omega.controller.monitor;

/** The store key of one model version: {@code <type>|<version>}. */
final class ModelKey {

    private ModelKey() {
    }

    static String of(String modelType, String version) {
        return modelType + "|" + version;
    }
}
