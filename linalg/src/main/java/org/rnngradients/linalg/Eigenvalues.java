package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;

/**
 * Reusable workspace for the eigenvalues of {@code n × n} matrices (general, not only symmetric), on the
 * current {@link Backend}: LAPACK's {@code dgeev} without vectors, or EJML's Hessenberg and double-shift
 * QR for small n and on the Java backend. Both use the general algorithm for every input, so the result
 * never depends on a symmetry tolerance. The input is never modified.
 *
 * <p>Allocation: {@link #spectralRadius} and {@link #moduli} allocate nothing on the Java heap on the
 * native path (checked by a test). EJML's eigenvalue algorithm allocates small arrays on every
 * decomposition, so on the Java path they leave short-lived garbage; per-step loops that must not
 * allocate at all on every backend should use {@link SingularValues} or {@link PositiveQr}.
 */
public final class Eigenvalues {
    /** Descending modulus; ties (a conjugate pair) by descending real then imaginary part, on every backend. */
    private static final Comparator<Complex_F64> ORDER = Comparator
            .comparingDouble((Complex_F64 z) -> -Math.hypot(z.real, z.imaginary))
            .thenComparingDouble(z -> -z.real)
            .thenComparingDouble(z -> -z.imaginary);

    private final int n;
    private final Backend.Eig eig;
    private final double[] real;
    private final double[] imaginary;

    /** A workspace for {@code n × n} matrices. */
    public Eigenvalues(int n) {
        this(n, null);
    }

    /** A workspace on the given kernel (tests use it to run every path at every size); null: the backend's. */
    Eigenvalues(int n, Backend.Eig kernel) {
        this.n = Require.positive(n, "n");
        Require.elementCount(n, n, "n", "n");
        this.eig = kernel != null ? kernel : Backend.current().kernels().eigenvalues(n);
        this.real = new double[n];
        this.imaginary = new double[n];
    }

    /** The size n this workspace accepts. */
    public int size() {
        return n;
    }

    private void decompose(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.shape(a, n, n, "a");
        Require.finite(a, "a");
        eig.compute(a, real, imaginary);
    }

    /** |λᵢ| of the last decomposition, without overflow for huge parts. */
    private double modulus(int i) {
        return Math.hypot(real[i], imaginary[i]);
    }

    // tag::spectral-radius[]
    /** The spectral radius ρ(a) = max |λᵢ(a)|. */
    public double spectralRadius(DMatrixRMaj a) {
        decompose(a);
        double rho = 0;
        for (int i = 0; i < n; i++) {
            rho = Math.max(rho, modulus(i));
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
            out[i] = -modulus(i);
        }
        Arrays.sort(out);
        for (int i = 0; i < n; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    /**
     * The eigenvalues of {@code a} as new complex numbers, in descending order of modulus (a conjugate pair
     * with the positive imaginary part first).
     */
    public Complex_F64[] compute(DMatrixRMaj a) {
        decompose(a);
        Complex_F64[] out = new Complex_F64[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Complex_F64(real[i], imaginary[i]);
        }
        Arrays.sort(out, ORDER);
        return out;
    }
}
