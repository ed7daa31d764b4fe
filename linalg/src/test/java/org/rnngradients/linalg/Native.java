package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test access to the native kernels whatever backend this JVM selected, and to OpenBLAS's thread count. */
final class Native {
    /** The unit roundoff u = 2⁻⁵³ of double precision. */
    static final double U = Math.ulp(1.0) / 2;

    private static final boolean LOADED = OpenBlas.load().failure() == null;

    private Native() {
    }

    /** Skips the calling test where OpenBLAS does not load (any platform but linux-x86_64). */
    static void assumeLoaded() {
        assumeTrue(LOADED, "OpenBLAS does not load on this platform");
    }

    /**
     * Runs {@code action} with OpenBLAS on {@code threads} threads, then restores the count the selected backend
     * uses (through {@link Backend#useThreads} when native is selected, so {@link Backend#threads()} stays true).
     */
    static void withThreads(int threads, Runnable action) {
        assumeLoaded();
        boolean selected = Backend.current().name().equals("native");
        int previous = selected ? Backend.useThreads(threads) : 1;
        if (!selected) {
            OpenBlas.setThreads(threads);
        }
        try {
            action.run();
        } finally {
            if (selected) {
                Backend.useThreads(previous);
            } else {
                OpenBlas.setThreads(previous);
            }
        }
    }
}
