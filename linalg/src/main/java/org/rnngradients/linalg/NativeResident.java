package org.rnngradients.linalg;

import static org.bytedeco.openblas.global.openblas_full.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_full.cblas_domatcopy;

import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * A matrix copied once into native memory, so each product with it copies only the right operand and the
 * result. A product with one column is OpenBLAS's dgemv (with more than one thread, a one-column dgemm ran
 * single-threaded: 235 µs against 119 µs for 1000 × 1000 on two threads; on one thread they tie). A small
 * matrix also keeps a heap copy for the products {@link NativeThresholds} sends to the Java kernels (when
 * m·k ≥ the minimum volume, every product runs natively and no heap copy is kept). Thin products run in row
 * blocks only on a core with OpenBLAS's small-matrix kernel, so a given call takes the same path on every run of
 * one machine.
 */
final class NativeResident implements Backend.Resident {
    private final int rows;
    private final int cols;
    private final JavaKernels java = new JavaKernels();
    private final DMatrixRMaj heapCopy;
    private final boolean rowBlocks;
    private DoublePointer matrix;

    /** Whether the loaded OpenBLAS core has the small-matrix kernel, asked once per JVM on first use. */
    private static final class LoadedCore {
        static final boolean SMALL_MATRIX_KERNEL = NativeThresholds.smallMatrixKernel(OpenBlas.coreName());
    }

    /** A resident copy that row-blocks thin products where the loaded OpenBLAS core has the small-matrix kernel. */
    NativeResident(DMatrixRMaj source) {
        this(source, LoadedCore.SMALL_MATRIX_KERNEL);
    }

    /** A resident copy that row-blocks thin products past the small-matrix limit exactly when {@code rowBlocks}. */
    NativeResident(DMatrixRMaj source, boolean rowBlocks) {
        this.rowBlocks = rowBlocks;
        this.rows = source.numRows;
        this.cols = source.numCols;
        this.matrix = new DoublePointer((long) rows * cols);
        this.heapCopy = NativeThresholds.nativeResidentGemm(rows, 1, cols) ? null : new DMatrixRMaj(rows, cols);
        upload(source);
    }

    @Override
    public void upload(DMatrixRMaj source) {
        requireOpen();
        matrix.put(source.data, 0, rows * cols);
        if (heapCopy != null) {
            heapCopy.setTo(source);
        }
    }

    @Override
    public void gemm(double alpha, boolean transpose, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        requireOpen();
        int m = transpose ? cols : rows;
        int k = transpose ? rows : cols;
        int n = b.numCols;
        if (!NativeThresholds.nativeResidentGemm(m, n, k)) {
            java.gemm(alpha, heapCopy, transpose, b, false, beta, c, m, n, k);
            return;
        }
        NativeKernels.Staging s = NativeKernels.Staging.current();
        DoublePointer pb = s.b(b);
        if (beta == 0 && NativeThresholds.rowBlockedResidentGemm(m, n, k, transpose, rowBlocks)) {
            rowBlockProduct(s, alpha, transpose, pb, c, m, n, k, NativeThresholds.thinBlockRows(n, k));
            return;
        }
        if (beta == 0 && NativeThresholds.thinResidentGemm(m, n, k, transpose)) {
            thinProduct(s, alpha, pb, c, m, n, k);
            return;
        }
        DoublePointer pc = s.c(c, beta != 0);
        if (n == 1) {
            // dgemv itself: OpenBLAS forwards a one-column dgemm to its single-threaded matrix-vector kernel
            cblas_dgemv(CblasRowMajor, NativeKernels.op(transpose), rows, cols, alpha, matrix, cols, pb, 1, beta, pc, 1);
            pc.get(c.data, 0, m);
            return;
        }
        cblas_dgemm(CblasRowMajor, NativeKernels.op(transpose), CblasNoTrans, m, n, k,
                alpha, matrix, cols, pb, n, beta, pc, n);
        pc.get(c.data, 0, m * n);
    }

    /**
     * C = α·op(A)·B for a resident A and a thin B, {@code block} rows of op(A) (of A's columns, when
     * transposed) at a time: each call is small enough for OpenBLAS's small-matrix kernel, which reads A where
     * it lies instead of packing it first. The pointers' positions select the block, so nothing is allocated.
     */
    private void rowBlockProduct(NativeKernels.Staging s, double alpha, boolean transpose, DoublePointer pb,
                                 DMatrixRMaj c, int m, int n, int k, int block) {
        DoublePointer pc = s.c(c, false);
        for (int r = 0; r < m; r += block) {
            int rows = Math.min(block, m - r);
            matrix.position(transpose ? r : (long) r * cols);
            pc.position((long) r * n);
            cblas_dgemm(CblasRowMajor, NativeKernels.op(transpose), CblasNoTrans, rows, n, k, alpha, matrix, cols, pb, n,
                    0, pc, n);
        }
        matrix.position(0);
        pc.position(0);
        pc.get(c.data, 0, m * n);
    }

    /**
     * C = α·A·B for a large resident A and a thin B, as the column-major product C = op(A)·op(B) with both
     * operands transposed (the row-major arrays read by columns are Aᵀ and Bᵀ): OpenBLAS packs A on its
     * faster side, and the column-major C is transposed back by {@code domatcopy} in native memory.
     */
    private void thinProduct(NativeKernels.Staging s, double alpha, DoublePointer pb, DMatrixRMaj c, int m, int n, int k) {
        DoublePointer pc = s.c(c, false);
        cblas_dgemm(CblasColMajor, CblasTrans, CblasTrans, m, n, k, alpha, matrix, cols, pb, n, 0, pc, m);
        DoublePointer byRows = s.spare(m * n);
        cblas_domatcopy(CblasColMajor, CblasTrans, m, n, 1, pc, m, byRows, n);
        byRows.get(c.data, 0, m * n);
    }

    @Override
    public void close() {
        if (matrix != null) {
            matrix.close();
            matrix = null;
        }
    }

    private void requireOpen() {
        if (matrix == null) {
            throw new IllegalStateException("this resident matrix was closed");
        }
    }
}
