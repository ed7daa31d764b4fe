package org.rnngradients.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Loading OpenBLAS through JavaCPP and talking to its runtime (version, build configuration, core, threads).
 * Only this class and the native kernels name the bytedeco classes, so a JVM on the Java backend never loads
 * them. The {@code openblas_full} binding is used because it maps OpenBLAS's own runtime functions as well as
 * CBLAS and LAPACKE.
 */
final class OpenBlas {
    private OpenBlas() {
    }

    /** The outcome of one load attempt: a description, or why it failed. */
    record Loaded(String description, String failure, Throwable cause) {
    }

    /** Loads the native library (once per JVM; later calls are cheap) and describes it, or says why not. */
    static Loaded load() {
        try {
            Loader.load(openblas_full.class);
            return new Loaded(describe(), null, null);
        } catch (LinkageError | RuntimeException e) {
            return new Loaded(null, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String describe() {
        String config = openblas_full.openblas_get_config().getString().trim();
        String core = coreName();
        String bindings;
        try {
            bindings = Loader.getVersion("org.bytedeco", "openblas");
        } catch (java.io.IOException | RuntimeException e) {
            bindings = "unknown";
        }
        return config + ", core " + core + " (org.bytedeco:openblas " + bindings + ")";
    }

    /**
     * The core OpenBLAS dispatched to on this machine ("SkylakeX", "Zen", "Haswell", …); the library must be
     * loaded.
     */
    static String coreName() {
        return openblas_full.openblas_get_corename().getString().trim();
    }

    /** Sets the number of threads OpenBLAS uses from now on (for every calling thread). */
    static void setThreads(int n) {
        openblas_full.openblas_set_num_threads(n);
    }

    /** The number of threads OpenBLAS reports. */
    static int threads() {
        return openblas_full.openblas_get_num_threads();
    }
}
