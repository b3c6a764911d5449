package io.omega.learning.model;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeRuntimeTest {

    private final ClassLoader loader = NativeRuntimeTest.class.getClassLoader();

    @Test
    void theShippedNativeBuildIsOnTheClassPath() {
        assertThat(NativeRuntime.missingNativeLibrary(loader, Loader.getPlatform(), NativeRuntime.DEFAULT_EXTENSION))
                .isEmpty();
    }

    @Test
    void aMissingNativeBuildIsNamedWithWhereOmegaJarTakesItFrom() {
        assertThat(NativeRuntime.missingNativeLibrary(loader, Loader.getPlatform(), "-no-such-build"))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("org/nd4j/linalg/cpu/nativecpu/bindings/" + Loader.getPlatform() + "-no-such-build/")
                        .contains("classifier " + Loader.getPlatform() + "-no-such-build")
                        .contains("lib/ directory built beside it"));
    }
}
