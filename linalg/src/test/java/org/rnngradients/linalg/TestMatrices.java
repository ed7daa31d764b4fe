package org.rnngradients.linalg;

import java.lang.management.ManagementFactory;

import org.ejml.data.DMatrixRMaj;

/** Helpers shared by the linalg tests: seeded matrices, explicit diagonals, allocation counting. */
final class TestMatrices {
    private TestMatrices() {
    }

    /** A rows × cols matrix with U[−bound, bound] entries drawn from {@code seed}. */
    static DMatrixRMaj uniform(int rows, int cols, double bound, long seed) {
        return RandomMatrices.uniform(new DMatrixRMaj(rows, cols), bound, RandomSource.seeded(seed));
    }

    /** The matrix with the given rows. */
    static DMatrixRMaj of(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /** A column vector. */
    static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    /** diag(d) formed explicitly, the naive oracle for {@link DiagonalProducts}. */
    static DMatrixRMaj explicitDiag(DMatrixRMaj d) {
        DMatrixRMaj out = new DMatrixRMaj(d.numRows, d.numRows);
        for (int i = 0; i < d.numRows; i++) {
            out.set(i, i, d.get(i, 0));
        }
        return out;
    }

    /** max over entries of |a − b|. */
    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            worst = Math.max(worst, Math.abs(a.data[k] - b.data[k]));
        }
        return worst;
    }

    /** Bytes this thread allocates while running {@code action} {@code times} times, after 200 warm-up runs. */
    static long bytesAllocated(Runnable action, int times) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 200; i++) {
            action.run();
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < times; i++) {
            action.run();
        }
        return mx.getThreadAllocatedBytes(id) - before;
    }
}
