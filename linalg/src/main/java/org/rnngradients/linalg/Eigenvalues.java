package org.rnngradients.linalg;

import java.util.Arrays;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Reusable workspace for the eigenvalues of {@code n × n} matrices (general, not only symmetric).
 * The input is never modified.
 *
 * <p>Allocation: this class keeps its own buffers, but EJML 0.44's general eigenvalue algorithm
 * ({@code WatchedDoubleStepQREigen_DDRM.setup} and {@code WatchedDoubleStepQREigenvalue_DDRM.setup})
 * allocates a {@code Complex_F64[n]}, its n entries and an {@code int[n]} on every decomposition,
 * about 110·n bytes per call (measured). It is short-lived garbage; per-step loops that must not
 * allocate at all should use {@link SingularValues} or {@link PositiveQr}, which allocate nothing.
 * The general (Hessenberg + double-shift QR) algorithm is used for every input, symmetric or not,
 * so the result never depends on a symmetry tolerance.
 */
public final class Eigenvalues {
    private final int n;
    private final DMatrixRMaj copy;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    /** A workspace for {@code n × n} matrices. */
    public Eigenvalues(int n) {
        this.n = Require.positive(n, "n");
        this.copy = new DMatrixRMaj(n, n);
        this.eig = DecompositionFactory_DDRM.eig(n, false, false);
    }

    /** The size n this workspace accepts. */
    public int size() {
        return n;
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

    // tag::spectral-radius[]
    /** The spectral radius ρ(a) = max |λᵢ(a)|. */
    public double spectralRadius(DMatrixRMaj a) {
        decompose(a);
        double rho = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
        }
        return rho;
    }
    // end::spectral-radius[]

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
        Arrays.sort(out);
        SingularValues.reverse(out);
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
        Arrays.sort(out, (x, y) -> Double.compare(y.getMagnitude(), x.getMagnitude()));
        return out;
    }
}
