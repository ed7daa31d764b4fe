package org.rnngradients.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The implementation that runs the hot kernels ({@link MatrixProducts}, {@link ResidentMatrix}):
 * chosen once per JVM. This first version has only the pure-Java backend (EJML); the native
 * OpenBLAS/LAPACK backend is added behind the same interface.
 */
public final class Backend {
    private static final Backend CURRENT = new Backend("java", "EJML " + org.ejml.EjmlVersion.VERSION, new JavaKernels());

    private final String name;
    private final String description;
    private final Kernels kernels;

    private Backend(String name, String description, Kernels kernels) {
        this.name = name;
        this.description = description;
        this.kernels = kernels;
    }

    /** The backend of this JVM. */
    public static Backend current() {
        return CURRENT;
    }

    /** {@code java} or {@code native}. */
    public String name() {
        return name;
    }

    /** A one-line description for logs and manifests (library, version, kernel, threads). */
    public String description() {
        return description;
    }

    Kernels kernels() {
        return kernels;
    }

    @Override
    public String toString() {
        return name + " (" + description + ")";
    }

    /** The operations a backend implements; arguments are already checked. */
    interface Kernels {
        void gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB, double beta,
                  DMatrixRMaj c, int m, int n, int k);

        Resident resident(DMatrixRMaj source);
    }

    /** A backend's copy of a matrix. */
    interface Resident {
        void upload(DMatrixRMaj source);

        void gemm(double alpha, boolean transpose, DMatrixRMaj b, double beta, DMatrixRMaj c);

        void close();
    }

    /** EJML's row-major kernels. */
    static final class JavaKernels implements Kernels {
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
        public Resident resident(DMatrixRMaj source) {
            return new JavaResident(source);
        }
    }

    /** A heap copy: the same snapshot semantics as the native backend's off-heap copy. */
    static final class JavaResident implements Resident {
        private final JavaKernels kernels = new JavaKernels();
        private DMatrixRMaj copy;

        JavaResident(DMatrixRMaj source) {
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
}
