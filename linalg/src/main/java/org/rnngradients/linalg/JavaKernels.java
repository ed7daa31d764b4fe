package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The pure-Java backend, and the native backend's choice for small products. Products are loops over EJML's
 * row-major arrays in orders that read every operand along its rows: a product with a vector (n = 1) is a
 * matrix–vector product (dot products of the rows of A, or for Aᵀ·x a sum of rows of A scaled by x); a
 * product with Aᵀ is a sum of rank-one updates, one per row of A and B; A·B and A·Bᵀ add multiples of rows of
 * B (of Bᵀ, transposed once into a per-thread workspace) to the rows of C. Inner loops are axpys the JIT
 * vectorises; each entry's sum runs in a fixed order, so results are bit-deterministic. QR, SVD and
 * eigenvalues are EJML's.
 */
final class JavaKernels implements Backend.Kernels {
    /** Per-thread space for a transposed right operand; it only grows. */
    private static final ThreadLocal<double[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new double[1][0]);

    @Override
    public void gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                     double beta, DMatrixRMaj c, int m, int n, int k) {
        MatrixProducts.scaled(beta, c);
        if (transposeA && transposeB) {
            CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
        } else if (n == 1) {
            if (transposeA) {
                addTransposedTimesVector(alpha, a.data, b.data, c.data, m, k);
            } else {
                addTimesVector(alpha, a.data, b.data, c.data, m, k);
            }
        } else if (transposeA) {
            addRankOneUpdates(alpha, a.data, b.data, c.data, m, n, k);
        } else {
            addRowCombinations(alpha, a.data, transposeB ? transposed(b) : b.data, c.data, m, n, k);
        }
    }

    // tag::java-gemm-loop-orders[]
    /** c += α·A·x, A m × k: one dot product per row of A, in four interleaved partial sums. */
    static void addTimesVector(double alpha, double[] a, double[] x, double[] c, int m, int k) {
        for (int i = 0; i < m; i++) {
            int row = i * k;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                s0 += a[row + p] * x[p];
                s1 += a[row + p + 1] * x[p + 1];
                s2 += a[row + p + 2] * x[p + 2];
                s3 += a[row + p + 3] * x[p + 3];
            }
            for (; p < k; p++) {
                s0 += a[row + p] * x[p];
            }
            c[i] += alpha * ((s0 + s1) + (s2 + s3));
        }
    }

    /** c += α·Aᵀ·x, A k × m: c gathers the rows of A, row p scaled by α·x_p. */
    static void addTransposedTimesVector(double alpha, double[] a, double[] x, double[] c, int m, int k) {
        for (int p = 0; p < k; p++) {
            axpy(alpha * x[p], a, p * m, c, 0, m);
        }
    }

    /** C += α·Aᵀ·B, A k × m, B k × n: rank-one updates α·a_p·b_pᵀ, one per row p of A and B, four at a time. */
    static void addRankOneUpdates(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        int p = 0;
        for (; p + 3 < k; p += 4) {
            for (int i = 0; i < m; i++) {
                int ai = p * m + i;
                axpy4(alpha * a[ai], alpha * a[ai + m], alpha * a[ai + 2 * m], alpha * a[ai + 3 * m],
                        b, p * n, n, c, i * n);
            }
        }
        for (; p < k; p++) {
            for (int i = 0; i < m; i++) {
                axpy(alpha * a[p * m + i], b, p * n, c, i * n, n);
            }
        }
    }

    /** C += α·A·B, A m × k, B k × n (row-major arrays): row i of C gathers the rows of B scaled by α·a_ip. */
    static void addRowCombinations(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int row = i * k;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                axpy4(alpha * a[row + p], alpha * a[row + p + 1], alpha * a[row + p + 2], alpha * a[row + p + 3],
                        b, p * n, n, c, i * n);
            }
            for (; p < k; p++) {
                axpy(alpha * a[row + p], b, p * n, c, i * n, n);
            }
        }
    }

    /** y[yFrom …] += s0·x_0 + s1·x_1 + s2·x_2 + s3·x_3 over four consecutive rows x_r = x[xFrom + r·n …], length n. */
    private static void axpy4(double s0, double s1, double s2, double s3, double[] x, int xFrom, int n,
                              double[] y, int yFrom) {
        for (int j = 0; j < n; j++) {
            int q = xFrom + j;
            y[yFrom + j] += ((s0 * x[q] + s1 * x[q + n]) + (s2 * x[q + 2 * n] + s3 * x[q + 3 * n]));
        }
    }

    /** y[yFrom …] += s·x[xFrom …], length entries. */
    private static void axpy(double s, double[] x, int xFrom, double[] y, int yFrom, int length) {
        for (int j = 0; j < length; j++) {
            y[yFrom + j] += s * x[xFrom + j];
        }
    }
    // end::java-gemm-loop-orders[]

    /** Bᵀ's entries, row-major, in this thread's workspace (valid until the thread's next transpose). */
    private static double[] transposed(DMatrixRMaj b) {
        double[][] holder = TRANSPOSED.get();
        int size = b.getNumElements();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        double[] t = holder[0];
        int rows = b.numRows;
        int cols = b.numCols;
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                t[q * rows + r] = b.data[r * cols + q];
            }
        }
        return t;
    }

    @Override
    public Backend.Resident resident(DMatrixRMaj source) {
        return new Resident(source);
    }

    @Override
    public Backend.Qr qr(int rows, int cols) {
        return new Qr(rows, cols);
    }

    @Override
    public Backend.Svd singularValues(int rows, int cols) {
        return new Svd(rows, cols);
    }

    @Override
    public Backend.Eig eigenvalues(int n) {
        return new Eig(n);
    }

    /** A heap copy: the same snapshot semantics as the native backend's off-heap copy. */
    static final class Resident implements Backend.Resident {
        private final JavaKernels kernels = new JavaKernels();
        private DMatrixRMaj copy;

        Resident(DMatrixRMaj source) {
            this.copy = source.copy();
        }

        @Override
        public void upload(DMatrixRMaj source) {
            requireOpen();
            copy.setTo(source);
        }

        @Override
        public void gemm(double alpha, boolean transpose, DMatrixRMaj b, double beta, DMatrixRMaj c) {
            requireOpen();
            int m = transpose ? copy.numCols : copy.numRows;
            int k = transpose ? copy.numRows : copy.numCols;
            kernels.gemm(alpha, copy, transpose, b, false, beta, c, m, b.numCols, k);
        }

        @Override
        public void close() {
            copy = null;
        }

        private void requireOpen() {
            if (copy == null) {
                throw new IllegalStateException("this resident matrix was closed");
            }
        }
    }

    /**
     * EJML's column Householder QR (about twice as fast as its transposed variant at n = 256). For a zero column
     * it uses the identity reflector, leaving R_ii = 0, and reports a failure, which is ignored here.
     */
    static final class Qr implements Backend.Qr {
        private final DMatrixRMaj copy;
        private final QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();

        Qr(int rows, int cols) {
            this.copy = new DMatrixRMaj(rows, cols);
        }

        @Override
        public void decompose(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
            copy.setTo(a);
            qr.decompose(copy); // false only for a zero column, whose identity reflector is what we want
            qr.getQ(q, true);
            qr.getR(r, true);
        }
    }

    /** EJML's implicit-QR SVD, values only; it reuses its buffers while the shape stays the same. */
    static final class Svd implements Backend.Svd {
        private final DMatrixRMaj copy;
        private final SingularValueDecomposition_F64<DMatrixRMaj> svd;

        Svd(int rows, int cols) {
            this.copy = new DMatrixRMaj(rows, cols);
            this.svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        }

        @Override
        public void compute(DMatrixRMaj a, double[] out) {
            copy.setTo(a);
            if (!svd.decompose(copy)) {
                throw new ArithmeticException("SVD did not converge for a " + Require.shapeOf(a) + " matrix");
            }
            System.arraycopy(svd.getSingularValues(), 0, out, 0, out.length);
            Arrays.sort(out);
            reverse(out);
        }
    }

    /**
     * EJML's general eigenvalue algorithm (Hessenberg reduction and double-shift QR) for every input, symmetric
     * or not, so the result never depends on a symmetry tolerance. EJML 0.44 allocates small arrays on every
     * decomposition (in {@code WatchedDoubleStepQREigen_DDRM.setup}), so this kernel is not allocation-free.
     */
    static final class Eig implements Backend.Eig {
        private final DMatrixRMaj copy;
        private final EigenDecomposition_F64<DMatrixRMaj> eig;

        Eig(int n) {
            this.copy = new DMatrixRMaj(n, n);
            this.eig = DecompositionFactory_DDRM.eig(n, false, false);
        }

        @Override
        public void compute(DMatrixRMaj a, double[] real, double[] imaginary) {
            copy.setTo(a);
            if (!eig.decompose(copy)) {
                throw new ArithmeticException("eigen-decomposition did not converge for a " + Require.shapeOf(a)
                        + " matrix");
            }
            for (int i = 0; i < real.length; i++) {
                real[i] = eig.getEigenvalue(i).real;
                imaginary[i] = eig.getEigenvalue(i).imaginary;
            }
        }
    }

    /** Reverses {@code v} in place (ascending to descending after a sort). */
    static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
