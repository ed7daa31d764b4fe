package org.rnngradients.linalg;

/**
 * Where the native backend hands a call back to the Java kernels: every call into OpenBLAS costs a fixed
 * overhead and copies its operands into native memory, which EJML beats for small matrices. Each rule looks
 * at shapes only, never at values or timings, so a given call always takes the same path and results stay
 * bit-deterministic. The constants come from timing both paths on one core (see {@code bench/RESULTS.md}).
 */
final class NativeThresholds {
    /**
     * Smallest m·n·k a product needs before it runs natively: a call into OpenBLAS costs about as much as
     * EJML's whole 6 × 6 × 6 product.
     */
    static final long GEMM_MIN_VOLUME = 256;
    /**
     * Largest A (entries, 1 MiB) a copied matrix–vector product A·x runs natively with. Beyond it, copying A
     * out of cache costs more than EJML's row-by-row dot products. Aᵀ·x (where EJML walks A by columns),
     * products with more columns, and products with a {@link ResidentMatrix} (which copies only x) were
     * faster natively in every shape measured.
     */
    static final long GEMV_MAX_COPIED_ENTRIES = 1L << 17;
    /**
     * Smallest rows·cols a QR needs before it runs in LAPACK (square inputs break even near 24 × 24; thin
     * ones, where EJML's column QR is slow, well before).
     */
    static final long QR_MIN_ENTRIES = 512;
    /** Smallest min(rows, cols) for which singular values and eigenvalues run in LAPACK (even near 6). */
    static final int DECOMPOSITION_MIN_SIZE = 8;

    /**
     * Smallest resident matrix (entries, 4 MiB) whose products with a thin right operand (2 to
     * {@value #THIN_MAX_COLUMNS} columns) run as a thin product: in row blocks ({@link #THIN_BLOCK_VOLUME}), or,
     * when one row is already too long for a block, as the column-major product with transposed output, where
     * OpenBLAS packs the big matrix as its A operand rather than its B operand (0.67–0.83 of the row-major call's
     * time for 1000 × 1000 and 2000 × 2000 matrices with 10 or 11 columns). Matrices that fit in the cache
     * (256 × 256, 512 × 128) keep the row-major call, which is fastest for them.
     */
    static final long THIN_MIN_ENTRIES = 1L << 19;
    /** Widest right operand of a thin product (measured up to 20 columns). */
    static final int THIN_MAX_COLUMNS = 16;

    /**
     * Entries of A times columns of B (rows·n·k) per call of a row-blocked thin product: small enough that
     * OpenBLAS 0.3.31 takes its small-matrix kernel, which does not pack A. For 1000 × 1000 · 1000 × 10 on a
     * SkylakeX core, blocks of 25, 50 and 100 rows took 525, 491 and 521 µs on one thread, against 793 µs for
     * the transposed-output product and 920 µs for blocks of 200 rows (past the small-matrix limit); on two
     * threads 466 µs against 494.
     */
    static final long THIN_BLOCK_VOLUME = 500_000;

    /**
     * OpenBLAS 0.3.31 cores with a small-matrix dgemm kernel (SkylakeX and the cores built on its kernels).
     * Every other core packs A in each call, so row blocks only multiply the packing: on a Zen 3 core
     * 1000 × 1000 · 1000 × 10 took 2.05 ms in blocks of 50 rows against 1.44 ms with transposed output (one
     * thread; 1.53 against 0.86 ms on two), and 512 × 128 · 128 × 32 took 129 µs in blocks of 128 rows
     * against 117 µs whole (two threads; on one they tie at about 200 µs). On a Zen 4 core, which OpenBLAS runs
     * with its Cooperlake kernels, the blocks win as on SkylakeX: 571 against 718–765 µs and 83 against 113 µs
     * (one thread).
     */
    private static final java.util.Set<String> SMALL_MATRIX_CORES = java.util.Set.of(
            "skylakex", "cooperlake", "sapphirerapids");

    private NativeThresholds() {
    }

    /** Whether the named OpenBLAS core (as {@code openblas_get_corename} spells it) has the small-matrix kernel. */
    static boolean smallMatrixKernel(String core) {
        return SMALL_MATRIX_CORES.contains(core.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Rows of A per call for a thin product (a k-entry row of A times a k × n operand), or 0 when even one row
     * exceeds {@link #THIN_BLOCK_VOLUME} (such products run whole, with transposed output).
     */
    static int thinBlockRows(int n, int k) {
        long perRow = (long) n * k;
        return perRow > THIN_BLOCK_VOLUME ? 0 : (int) (THIN_BLOCK_VOLUME / perRow);
    }

    /**
     * Whether op(A)·B with a resident A (op(A) m × k) and a k × n right operand of 2 to
     * {@value #BLOCKED_MAX_COLUMNS} columns runs in row blocks of op(A): when the whole product is past the
     * small-matrix limit but one row is not, and only on a core with the {@linkplain #smallMatrixKernel
     * small-matrix kernel}. On SkylakeX, 512 × 128 · 128 × 32 (P2's W_hh·H) took 55 µs in blocks of 128 rows
     * against 91 µs whole; 1000 × 1000 · 1000 × 10, 491 µs in blocks of 50 against 1150 µs whole; with
     * W_hhᵀ·dA blocked too, P2 took 0.92 of its time with neither blocked.
     */
    static boolean rowBlockedResidentGemm(int m, int n, int k, boolean transpose, boolean smallKernel) {
        return smallKernel && n >= 2 && n <= BLOCKED_MAX_COLUMNS && (long) m * n * k > 2 * THIN_BLOCK_VOLUME
                && thinBlockRows(n, k) > 0;
    }

    /** Widest right operand of a row-blocked product (measured at 10 and 32 columns). */
    static final int BLOCKED_MAX_COLUMNS = 32;

    /** Whether A·B with a resident A (m × k, not transposed) and a k × n right operand runs with transposed output. */
    static boolean thinResidentGemm(int m, int n, int k, boolean transpose) {
        return !transpose && n >= 2 && n <= THIN_MAX_COLUMNS && (long) m * k >= THIN_MIN_ENTRIES;
    }

    /** Whether op(A)·op(B), m × k by k × n, with both operands copied, runs natively. */
    static boolean nativeGemm(int m, int n, int k, boolean transposeA) {
        long volume = (long) m * n * k;
        boolean largePlainGemv = n == 1 && !transposeA && (long) m * k > GEMV_MAX_COPIED_ENTRIES;
        return volume >= GEMM_MIN_VOLUME && !largePlainGemv;
    }

    /** Whether a product with a resident left operand (m × k) and a k × n right operand runs natively. */
    static boolean nativeResidentGemm(int m, int n, int k) {
        return (long) m * n * k >= GEMM_MIN_VOLUME;
    }

    /** Whether a rows × cols thin QR runs in LAPACK. */
    static boolean nativeQr(int rows, int cols) {
        return (long) rows * cols >= QR_MIN_ENTRIES;
    }

    /** Whether an SVD or eigenvalue computation of a rows × cols matrix runs in LAPACK. */
    static boolean nativeDecomposition(int rows, int cols) {
        return Math.min(rows, cols) >= DECOMPOSITION_MIN_SIZE;
    }
}
