package io.omega.learning.model;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

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
 *
 * <p>omega.jar does not contain the native libraries: they are in the jars of {@code lib/} beside it, which its
 * manifest puts on the class path. When ND4J fails to load and its library is not on the class path, the error
 * says so instead of ND4J's "probably missing dependencies".
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
                try {
                    Nd4j.getEnvironment().setMaxThreads(count);
                    Nd4j.getEnvironment().setMaxMasterThreads(count);
                } catch (LinkageError | RuntimeException e) {
                    Optional<String> missing = missingNativeLibrary(NativeRuntime.class.getClassLoader(),
                            Loader.getPlatform(), System.getProperty(EXTENSION_PROPERTY));
                    if (missing.isPresent()) {
                        throw new IllegalStateException(missing.get(), e);
                    }
                    throw e;
                }
            }
            configured = true;
        }
    }

    /**
     * Why ND4J's JNI library for {@code platform} and {@code extension} cannot be found as a class-path resource (where
     * JavaCPP looks for it), or empty when it is there.
     */
    static Optional<String> missingNativeLibrary(ClassLoader loader, String platform, String extension) {
        String build = platform + (extension == null ? "" : extension);
        String resource = "org/nd4j/linalg/cpu/nativecpu/bindings/" + build + "/" + System.mapLibraryName("jnind4jcpu");
        if (loader.getResource(resource) != null) {
            return Optional.empty();
        }
        return Optional.of("ND4J's native library is not on the class path (no " + resource + ": the nd4j-native jar"
                + " of classifier " + build + " is missing). omega.jar does not contain it: it loads it, with OpenBLAS,"
                + " oneDNN and JavaCPP's natives, from the lib/ directory built beside it (omega-app/target/lib),"
                + " which must stay next to omega.jar");
    }
}
