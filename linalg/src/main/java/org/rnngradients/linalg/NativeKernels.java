package org.rnngradients.linalg;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;

/**
 * OpenBLAS's dgemm on EJML's row-major data ({@code CblasRowMajor}, leading dimension = columns). JavaCPP's
 * {@code double[]} overloads would copy each array through JNI on every call, so operands are staged through
 * off-heap buffers that each thread keeps and grows on demand: after warm-up a product allocates nothing on
 * the Java heap. Products below {@link NativeThresholds} run on {@link JavaKernels}.
 */
final class NativeKernels implements Backend.Kernels {
    private final JavaKernels java = new JavaKernels();

    @Override
    public void gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                     double beta, DMatrixRMaj c, int m, int n, int k) {
        if (!NativeThresholds.nativeGemm(m, n, k, transposeA)) {
            java.gemm(alpha, a, transposeA, b, transposeB, beta, c, m, n, k);
        } else {
            dgemm(alpha, a, transposeA, b, transposeB, beta, c, m, n, k);
        }
    }

    /** The native product whatever the shape (the tests compare it with the Java kernel at every size). */
    static void dgemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                      double beta, DMatrixRMaj c, int m, int n, int k) {
        Staging s = Staging.current();
        DoublePointer pa = s.a(a);
        DoublePointer pb = s.b(b);
        DoublePointer pc = s.c(c, beta != 0);
        cblas_dgemm(CblasRowMajor, op(transposeA), op(transposeB), m, n, k,
                alpha, pa, a.numCols, pb, b.numCols, beta, pc, n);
        pc.get(c.data, 0, m * n);
    }

    static int op(boolean transpose) {
        return transpose ? CblasTrans : CblasNoTrans;
    }

    @Override
    public Backend.Resident resident(DMatrixRMaj source) {
        return new NativeResident(source);
    }

    @Override
    public Backend.Qr qr(int rows, int cols) {
        return NativeThresholds.nativeQr(rows, cols) ? new Lapack.Qr(rows, cols) : java.qr(rows, cols);
    }

    @Override
    public Backend.Svd singularValues(int rows, int cols) {
        return NativeThresholds.nativeDecomposition(rows, cols) ? new Lapack.Svd(rows, cols)
                : java.singularValues(rows, cols);
    }

    @Override
    public Backend.Eig eigenvalues(int n) {
        return NativeThresholds.nativeDecomposition(n, n) ? new Lapack.Eig(n) : java.eigenvalues(n);
    }

    /**
     * One thread's off-heap copies of the operands of its current product. Buffers only grow (to the largest
     * operand seen) and live as long as the thread; JavaCPP frees them when the thread's state is collected.
     */
    static final class Staging {
        private static final ThreadLocal<Staging> CURRENT = ThreadLocal.withInitial(Staging::new);

        private DoublePointer a;
        private DoublePointer b;
        private DoublePointer c;
        private DoublePointer spare;

        static Staging current() {
            return CURRENT.get();
        }

        /** A buffer holding a copy of {@code m}'s entries. */
        DoublePointer a(DMatrixRMaj m) {
            a = fit(a, m.getNumElements());
            return a.put(m.data, 0, m.getNumElements());
        }

        /** A buffer holding a copy of {@code m}'s entries. */
        DoublePointer b(DMatrixRMaj m) {
            b = fit(b, m.getNumElements());
            return b.put(m.data, 0, m.getNumElements());
        }

        /** A buffer of {@code m}'s size, holding a copy of its entries when {@code copy}. */
        DoublePointer c(DMatrixRMaj m, boolean copy) {
            c = fit(c, m.getNumElements());
            return copy ? c.put(m.data, 0, m.getNumElements()) : c;
        }

        /** A spare buffer of at least {@code size} entries (for a result transposed on its way back). */
        DoublePointer spare(long size) {
            spare = fit(spare, size);
            return spare;
        }

        private static DoublePointer fit(DoublePointer p, long size) {
            if (p != null && p.capacity() >= size) {
                return p;
            }
            if (p != null) {
                p.close();
            }
            return new DoublePointer(Math.max(size, 1));
        }
    }
}
