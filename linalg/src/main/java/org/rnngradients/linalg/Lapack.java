package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgeev_work;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgeqrf_work;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgesvd_work;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dorgqr_work;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_domatcopy;
import static org.bytedeco.openblas.global.openblas_full.cblas_dscal;

import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * LAPACK workspaces (through LAPACKE's {@code _work} entry points in column-major order, which call the
 * Fortran routines directly without allocating). Each queries its optimal workspace once at construction and
 * reuses its off-heap buffers, so a decomposition allocates nothing on the Java heap.
 */
final class Lapack {
    private static final byte NONE = (byte) 'N';

    private Lapack() {
    }

    /** Runs a workspace query (lwork = −1) and returns the optimal size it reports. */
    private static int optimal(DoublePointer query) {
        return Math.max(1, (int) Math.ceil(query.get(0)));
    }

    private static void check(int info, String routine, DMatrixRMaj a) {
        if (info < 0) {
            throw new IllegalStateException(routine + " rejected argument " + (-info) + " for a "
                    + Require.shapeOf(a) + " matrix");
        }
        if (info > 0) {
            throw new ArithmeticException(routine + " did not converge for a " + Require.shapeOf(a) + " matrix");
        }
    }

    /**
     * Thin QR by {@code dgeqrf} (Householder reflectors and R) and {@code dorgqr} (the first cols columns of
     * Q). LAPACK stores matrices by column, so the input is transposed on the way in and Q on the way out, both
     * by OpenBLAS's {@code domatcopy} in native memory (a Java loop took a tenth of a 256 × 256 Benettin step). A
     * zero column gets the identity reflector (τ = 0), leaving R_ii = 0.
     */
    static final class Qr implements Backend.Qr {
        private final int rows;
        private final int cols;
        private final double[] columnMajor;
        private final DoublePointer buffer;
        private final DoublePointer rowMajor;
        private final DoublePointer tau;
        private final DoublePointer work;
        private final int lwork;

        Qr(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            this.columnMajor = new double[rows * cols];
            this.buffer = new DoublePointer((long) rows * cols);
            this.rowMajor = new DoublePointer((long) rows * cols);
            this.tau = new DoublePointer(cols);
            DoublePointer query = new DoublePointer(1);
            LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, rows, cols, buffer, rows, tau, query, -1);
            int factor = optimal(query);
            LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, rows, cols, cols, buffer, rows, tau, query, -1);
            this.lwork = Math.max(factor, optimal(query));
            query.close();
            this.work = new DoublePointer(lwork);
        }

        @Override
        public void decompose(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
            int n = rows * cols;
            rowMajor.put(a.data, 0, n);
            cblas_domatcopy(CblasRowMajor, CblasTrans, rows, cols, 1, rowMajor, cols, buffer, rows);   // A by columns
            check(LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, rows, cols, buffer, rows, tau, work, lwork), "dgeqrf", a);
            buffer.get(columnMajor, 0, n);
            upperTriangle(r);
            check(LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, rows, cols, cols, buffer, rows, tau, work, lwork), "dorgqr", a);
            makeDiagonalNonNegative(r);
            cblas_domatcopy(CblasColMajor, CblasTrans, rows, cols, 1, buffer, rows, rowMajor, cols);   // Q by rows
            rowMajor.get(q.data, 0, n);
        }

        /**
         * Flips row i of R and column i of Q wherever R_ii &lt; 0 (exact, and QR is unchanged), while Q's columns
         * are still contiguous in the column-major buffer; {@link PositiveQr} then finds nothing left to flip.
         */
        private void makeDiagonalNonNegative(DMatrixRMaj r) {
            for (int i = 0; i < cols; i++) {
                if (r.data[i * cols + i] < 0) {
                    for (int j = i; j < cols; j++) {
                        r.data[i * cols + j] = -r.data[i * cols + j];
                    }
                    buffer.position((long) i * rows);
                    cblas_dscal(rows, -1, buffer, 1);
                }
            }
            buffer.position(0);
        }

        /** R (row-major) from the upper triangle of the column-major factored matrix; zeros below. */
        private void upperTriangle(DMatrixRMaj r) {
            for (int i = 0; i < cols; i++) {
                int row = i * cols;
                for (int j = 0; j < i; j++) {
                    r.data[row + j] = 0;
                }
                for (int j = i; j < cols; j++) {
                    r.data[row + j] = columnMajor[j * rows + i];
                }
            }
        }
    }

    /**
     * Singular values by {@code dgesvd} without vectors: bidiagonal reduction, then the implicit zero-shift QR
     * of {@code dbdsqr}, which finds each singular value to high relative accuracy. Without vectors,
     * {@code dgesdd}'s divide-and-conquer has nothing to gain (it falls back to the same bidiagonal QR) and
     * needs an extra integer workspace. A row-major matrix read by columns is its transpose, which has the same
     * singular values, so no transposition is needed. LAPACK returns them in descending order.
     */
    static final class Svd implements Backend.Svd {
        private final int rows;
        private final int cols;
        private final DoublePointer buffer;
        private final DoublePointer values;
        private final DoublePointer unused;
        private final DoublePointer work;
        private final int lwork;

        Svd(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            this.buffer = new DoublePointer((long) rows * cols);
            this.values = new DoublePointer(Math.min(rows, cols));
            this.unused = new DoublePointer(1);
            DoublePointer query = new DoublePointer(1);
            LAPACKE_dgesvd_work(LAPACK_COL_MAJOR, NONE, NONE, cols, rows, buffer, cols, values, unused, 1, unused, 1,
                    query, -1);
            this.lwork = optimal(query);
            query.close();
            this.work = new DoublePointer(lwork);
        }

        @Override
        public void compute(DMatrixRMaj a, double[] out) {
            buffer.put(a.data, 0, rows * cols);
            check(LAPACKE_dgesvd_work(LAPACK_COL_MAJOR, NONE, NONE, cols, rows, buffer, cols, values, unused, 1,
                    unused, 1, work, lwork), "dgesvd", a);
            values.get(out, 0, out.length);
        }
    }

    /**
     * Eigenvalues by {@code dgeev} without vectors (balancing, Hessenberg reduction, multishift QR). A matrix
     * read by columns is its transpose, which has the same eigenvalues.
     */
    static final class Eig implements Backend.Eig {
        private final int n;
        private final DoublePointer buffer;
        private final DoublePointer real;
        private final DoublePointer imaginary;
        private final DoublePointer unused;
        private final DoublePointer work;
        private final int lwork;

        Eig(int n) {
            this.n = n;
            this.buffer = new DoublePointer((long) n * n);
            this.real = new DoublePointer(n);
            this.imaginary = new DoublePointer(n);
            this.unused = new DoublePointer(1);
            DoublePointer query = new DoublePointer(1);
            LAPACKE_dgeev_work(LAPACK_COL_MAJOR, NONE, NONE, n, buffer, n, real, imaginary, unused, 1, unused, 1,
                    query, -1);
            this.lwork = optimal(query);
            query.close();
            this.work = new DoublePointer(lwork);
        }

        @Override
        public void compute(DMatrixRMaj a, double[] re, double[] im) {
            buffer.put(a.data, 0, n * n);
            check(LAPACKE_dgeev_work(LAPACK_COL_MAJOR, NONE, NONE, n, buffer, n, real, imaginary, unused, 1, unused, 1,
                    work, lwork), "dgeev", a);
            real.get(re, 0, n);
            imaginary.get(im, 0, n);
        }
    }
}
