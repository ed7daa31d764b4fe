package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.rnngradients.linalg.internal.Require;

/**
 * ln|det J| of an n × n matrix from its LU factors, Σ ln|U_ii|, so it stays finite where det itself
 * would under- or overflow. The time average of ln|det J_t| along a trajectory equals the sum of all
 * Lyapunov exponents (volume growth). A reusable workspace.
 */
public final class LogDeterminant {
    private final int n;
    private final DMatrixRMaj copy;
    private final LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();

    /** A workspace for n × n matrices. */
    public LogDeterminant(int n) {
        this.n = Require.positive(n, "n");
        Require.elementCount(n, n, "n", "n");
        this.copy = new DMatrixRMaj(n, n);
    }

    /** ln|det a| (−∞ for a singular matrix). */
    public double logAbsDeterminant(DMatrixRMaj a) {
        Require.shape(a, n, n, "a");
        Require.finite(a, "a");
        copy.setTo(a);
        lu.decompose(copy);
        DMatrixRMaj factors = lu.getLU();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(Math.abs(factors.unsafe_get(i, i)));
        }
        return sum;
    }
}
