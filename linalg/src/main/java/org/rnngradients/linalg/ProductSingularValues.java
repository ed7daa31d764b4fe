package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The singular values of a long product A = F_m ⋯ F_2 F_1 of n × n factors, in log space, without
 * ever forming A (whose entries over- or underflow for long products).
 *
 * <p>Method. Keep A = Q·C with Q orthogonal and C upper triangular. Multiplying by a new factor F
 * gives F·Q = Q′R (a Householder QR step, {@link PositiveQr}), so F·A = Q′·(R·C): only the triangular
 * part grows. C is kept with each row's log-norm held apart from its unit direction, so rows whose
 * norms differ by thousands of nats coexist. Since Q is orthogonal, σ(A) = σ(C), and the singular
 * values of C come from one-sided Jacobi rotations on its log-scaled rows. Backward errors per step
 * are at the level of rounding (Householder QR, bounded coefficients in the triangular update), and
 * Jacobi on row-scaled matrices gives each singular value to high relative accuracy; the tests check
 * the agreement with explicitly formed products, with closed forms over 10,000 factors and with the
 * determinant over products spanning e^{±1000}. Cost per factor: one n × n product and QR (on the
 * current {@link Backend}) plus O(n²) logarithms; each spectrum costs O(n³) per Jacobi sweep, and
 * Jacobi converges quadratically.
 *
 * <p>A workspace: after construction, no method allocates.
 */
public final class ProductSingularValues {
    private final int n;
    private final PositiveQr qr;
    private final DMatrixRMaj q;
    private final DMatrixRMaj z;
    private final DMatrixRMaj r;
    private final LogScaledRows triangle;
    private final double[] logSigma;
    private int factors;

    /** A workspace for products of n × n factors, initially the empty product I. */
    public ProductSingularValues(int n) {
        this.n = Require.positive(n, "n");
        Require.elementCount(n, n, "n", "n");
        this.qr = new PositiveQr(n, n);
        this.q = CommonOps_DDRM.identity(n);
        this.z = new DMatrixRMaj(n, n);
        this.r = new DMatrixRMaj(n, n);
        this.triangle = new LogScaledRows(n);
        this.logSigma = new double[n];
    }

    /** ln σ_i of F_m ⋯ F_1 for {@code factors} listed in application order (F_1 first), descending. */
    public static double[] of(List<DMatrixRMaj> factors) {
        Require.nonNull(factors, "factors");
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("factors must not be empty");
        }
        int n = Require.nonEmpty(Require.square(factors.get(0), "factors[0]"), "factors[0]").numRows;
        ProductSingularValues product = new ProductSingularValues(n);
        for (int i = 0; i < factors.size(); i++) {
            String name = "factors[" + i + "]";
            product.multiplyLeft(Require.finite(Require.shape(factors.get(i), n, n, name), name));
        }
        return product.logSingularValues(new double[product.n]);
    }

    /** The dimension n. */
    public int dimension() {
        return n;
    }

    /** How many factors have been multiplied in since the last reset. */
    public int factors() {
        return factors;
    }

    /** Resets the product to I. */
    public void reset() {
        CommonOps_DDRM.setIdentity(q);
        triangle.setIdentity();
        factors = 0;
    }

    // tag::product-singular-values[]
    /** A ← F·A: F·Q = Q′R, then C ← R·C (F is n × n and finite). */
    public void multiplyLeft(DMatrixRMaj f) {
        Require.shape(f, n, n, "f");
        Require.finite(f, "f");
        MatrixProducts.mult(f, q, z);
        absorb();
    }

    // tag::product-qr-step[]
    /** Z = F·Q = Q′R (Householder), then C ← R·C; Q′ replaces Q. */
    private void absorb() {
        qr.decompose(z, q, r);
        triangle.multiplyLeftUpperTriangular(r);
        factors++;
    }
    // end::product-qr-step[]

    /** Writes ln σ_1 ≥ … ≥ ln σ_n of the current product into {@code out} (length n); returns {@code out}. */
    public double[] logSingularValues(double[] out) {
        return triangle.logSingularValues(out);
    }
    // end::product-singular-values[]

    /** A ← Fᵀ·A, the step of a backward (adjoint) product such as ∂h_T/∂h_t transposed. */
    public void multiplyLeftTransposed(DMatrixRMaj f) {
        Require.shape(f, n, n, "f");
        Require.finite(f, "f");
        MatrixProducts.multTransA(f, q, z);
        absorb();
    }

    /** ln‖A‖₂ = ln σ_1 of the current product. */
    public double logSpectralNorm() {
        return triangle.logSingularValues(logSigma)[0];
    }
}
