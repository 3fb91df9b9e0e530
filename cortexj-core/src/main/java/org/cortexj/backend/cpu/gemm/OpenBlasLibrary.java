package org.cortexj.backend.cpu.gemm;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads the OpenBLAS native library once per process and remembers a failure, because JavaCPP's
 * {@code Loader.load} throws only on the first failed attempt for a class and returns null on
 * later ones, after which every native call would fail with {@link UnsatisfiedLinkError}.
 */
final class OpenBlasLibrary {

    private static final Throwable FAILURE = load();

    private OpenBlasLibrary() {
    }

    private static Throwable load() {
        try {
            Loader.load(openblas.class);
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e;
        }
    }

    /**
     * Returns normally if OpenBLAS loaded.
     *
     * @throws IllegalStateException with the original load error as its cause otherwise
     */
    static void require() {
        if (FAILURE != null) {
            throw new IllegalStateException(
                    "OpenBLAS native library failed to load: " + FAILURE, FAILURE);
        }
    }
}
