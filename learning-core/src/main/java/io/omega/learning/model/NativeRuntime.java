package io.omega.learning.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Selects the ND4J native build and its thread count before ND4J loads.
 *
 * <p>The build ships only the oneDNN/AVX2 variant of nd4j-native (classifier {@code linux-x86_64-onednn-avx2});
 * JavaCPP finds its libraries only when the platform extension names that variant, so the property is set here
 * unless the operator set it (e.g. to compare builds).
 *
 * <p>Threads: ND4J's ops run {@value #DEFAULT_THREADS} thread unless {@code -Domega.nd4j.threads=N} says
 * otherwise. On the shared 2-core machines two threads per op were many times slower than one (each of the
 * thousands of small ops per batch waits for a second thread the scheduler has given to another process); see
 * docs/BENCHMARKS.md. {@code OMP_NUM_THREADS} still bounds the native BLAS and oneDNN threads.
 */
public final class NativeRuntime {

    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String DEFAULT_EXTENSION = "-onednn-avx2";
    public static final String THREADS_PROPERTY = "omega.nd4j.threads";
    public static final int DEFAULT_THREADS = 1;

    private static volatile boolean configured;

    private NativeRuntime() {
    }

    public static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (NativeRuntime.class) {
            if (configured) {
                return;
            }
            if (System.getProperty(EXTENSION_PROPERTY) == null) {
                System.setProperty(EXTENSION_PROPERTY, DEFAULT_EXTENSION);
            }
            String threads = System.getProperty(THREADS_PROPERTY);
            int count = threads == null || threads.isBlank() ? DEFAULT_THREADS : Integer.parseInt(threads.trim());
            if (count > 0) {
                Nd4j.getEnvironment().setMaxThreads(count);
                Nd4j.getEnvironment().setMaxMasterThreads(count);
            }
            configured = true;
        }
    }
}
