package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;

/**
 * One-call spectral quantities of a matrix. Each call builds a fresh workspace; in per-step loops
 * keep a {@link SingularValues} or {@link Eigenvalues} instead.
 */
public final class Spectra {
    private Spectra() {
    }

    /** The spectral norm ‖a‖₂ = σ_max(a). */
    public static double spectralNorm(DMatrixRMaj a) {
        Require.nonEmpty(a, "a");
        return new SingularValues(a.numRows, a.numCols).largest(a);
    }

    /** All min(rows, cols) singular values of {@code a}, descending. */
    public static double[] singularValues(DMatrixRMaj a) {
        Require.nonEmpty(a, "a");
        SingularValues sv = new SingularValues(a.numRows, a.numCols);
        return sv.compute(a, new double[sv.count()]);
    }

    /** The eigenvalues of the square matrix {@code a}, in descending order of modulus. */
    public static Complex_F64[] eigenvalues(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.nonEmpty(a, "a");
        return new Eigenvalues(a.numRows).compute(a);
    }

    /** The spectral radius ρ(a) = max |λᵢ(a)| of the square matrix {@code a}. */
    public static double spectralRadius(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.nonEmpty(a, "a");
        return new Eigenvalues(a.numRows).spectralRadius(a);
    }

    // tag::condition-number[]
    /** The 2-norm condition number κ₂ = σ_max/σ_min (over min(rows, cols) values); ∞ when σ_min = 0. */
    public static double conditionNumber(DMatrixRMaj a) {
        double[] s = singularValues(a);
        double smallest = s[s.length - 1];
        return smallest == 0 ? Double.POSITIVE_INFINITY : s[0] / smallest;
    }
    // end::condition-number[]
}
