package io.omega.learning.model;

/**
 * Selects the ND4J native build before ND4J loads. The build ships only the oneDNN/AVX2 variant of nd4j-native
 * (classifier {@code linux-x86_64-onednn-avx2}); JavaCPP finds its libraries only when the platform extension
 * names that variant, so the property is set here unless the operator set it (e.g. to compare builds).
 */
public final class NativeRuntime {

    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String DEFAULT_EXTENSION = "-onednn-avx2";

    private NativeRuntime() {
    }

    public static void ensureConfigured() {
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, DEFAULT_EXTENSION);
        }
    }
}
