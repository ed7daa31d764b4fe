package org.rnngradients.linalg;

/**
 * Where the native backend hands a call back to the Java kernels: every call into OpenBLAS costs a fixed
 * overhead and copies its operands into native memory, which EJML beats for small matrices. Each rule looks
 * at shapes only, never at values or timings, so a given call always takes the same path and results stay
 * bit-deterministic. The constants come from timing both paths on one core (see {@code bench/RESULTS.md}).
 */
final class NativeThresholds {
    /** Smallest m·n·k a product needs before it runs natively. */
    static final long GEMM_MIN_VOLUME = 512;
    /**
     * A product whose operands are copied must also do at least this many multiply-adds per copied entry,
     * m·n·k ≥ this·(m·k + k·n + m·n): a matrix–vector product (about one per entry) is faster in Java than its
     * operand copy alone, unless the matrix is resident ({@link ResidentMatrix}).
     */
    static final long GEMM_MIN_INTENSITY = 2;
    /** Smallest rows·cols² a QR needs before it runs in LAPACK. */
    static final long QR_MIN_VOLUME = 32L * 32 * 32;
    /** Smallest min(rows, cols) for which singular values and eigenvalues run in LAPACK. */
    static final int DECOMPOSITION_MIN_SIZE = 8;

    private NativeThresholds() {
    }

    /** Whether an m × k by k × n product with both operands copied runs natively. */
    static boolean nativeGemm(int m, int n, int k) {
        long volume = (long) m * n * k;
        long copied = (long) m * k + (long) k * n + (long) m * n;
        return volume >= GEMM_MIN_VOLUME && volume >= GEMM_MIN_INTENSITY * copied;
    }

    /** Whether a product with a resident left operand (m × k) and a k × n right operand runs natively. */
    static boolean nativeResidentGemm(int m, int n, int k) {
        return (long) m * n * k >= GEMM_MIN_VOLUME;
    }

    /** Whether a rows × cols thin QR runs in LAPACK. */
    static boolean nativeQr(int rows, int cols) {
        return (long) rows * cols * cols >= QR_MIN_VOLUME;
    }

    /** Whether an SVD or eigenvalue computation of a rows × cols matrix runs in LAPACK. */
    static boolean nativeDecomposition(int rows, int cols) {
        return Math.min(rows, cols) >= DECOMPOSITION_MIN_SIZE;
    }
}
