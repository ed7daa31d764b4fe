package org.rnngradients.linalg;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Reusable workspace for the eigenvalues of {@code n × n} matrices (general, not only symmetric).
 * After construction, {@link #spectralRadius} and {@link #moduli} allocate nothing. The input is
 * never modified.
 */
public final class Eigenvalues {
    private final int n;
    private final DMatrixRMaj copy;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    /** A workspace for {@code n × n} matrices. */
    public Eigenvalues(int n) {
        this.n = Require.positive(n, "n");
        this.copy = new DMatrixRMaj(n, n);
        this.eig = DecompositionFactory_DDRM.eig(n, false);
    }

    private void decompose(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.shape(a, n, n, "a");
        Require.finite(a, "a");
        copy.setTo(a);
        if (!eig.decompose(copy)) {
            throw new ArithmeticException("eigen-decomposition did not converge for a " + n + "x" + n + " matrix");
        }
    }

    /** The spectral radius ρ(a) = max |λᵢ(a)|. */
    public double spectralRadius(DMatrixRMaj a) {
        decompose(a);
        double rho = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
        }
        return rho;
    }

    /** Writes |λᵢ(a)| into {@code out} (length n) in descending order; returns {@code out}. */
    public double[] moduli(DMatrixRMaj a, double[] out) {
        Require.nonNull(out, "out");
        if (out.length != n) {
            throw new IllegalArgumentException("out must have length " + n + ", was " + out.length);
        }
        decompose(a);
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).getMagnitude();
        }
        java.util.Arrays.sort(out);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** The eigenvalues of {@code a} as new complex numbers, in descending order of modulus. */
    public Complex_F64[] compute(DMatrixRMaj a) {
        decompose(a);
        Complex_F64[] out = new Complex_F64[n];
        for (int i = 0; i < n; i++) {
            Complex_F64 e = eig.getEigenvalue(i);
            out[i] = new Complex_F64(e.real, e.imaginary);
        }
        java.util.Arrays.sort(out, (x, y) -> Double.compare(y.getMagnitude(), x.getMagnitude()));
        return out;
    }
}
