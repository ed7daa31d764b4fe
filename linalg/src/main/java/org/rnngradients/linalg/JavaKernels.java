package org.rnngradients.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** EJML's row-major kernels: the pure-Java backend, and the native backend's choice for small products. */
final class JavaKernels implements Backend.Kernels {
    @Override
    public void gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                     double beta, DMatrixRMaj c, int m, int n, int k) {
        if (beta == 0) {
            c.zero();
        } else if (beta != 1) {
            CommonOps_DDRM.scale(beta, c);
        }
        if (transposeA && transposeB) {
            CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
        } else if (transposeA) {
            CommonOps_DDRM.multAddTransA(alpha, a, b, c);
        } else if (transposeB) {
            CommonOps_DDRM.multAddTransB(alpha, a, b, c);
        } else {
            CommonOps_DDRM.multAdd(alpha, a, b, c);
        }
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
