package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A long product P_T = A_T ⋯ A_2 A_1 of {@code n × n} matrices held as exp(logScale)·M with
 * ‖M‖_F = 1, so ln‖P_T‖ stays finite for any T whether the product vanishes or explodes.
 * Each step multiplies on the left (the order of step Jacobians ∂h_T/∂h_0 = J_T ⋯ J_1) and
 * renormalises; after construction nothing allocates.
 *
 * <p>Only the norm of the product is kept accurately: directions whose growth is smaller than the
 * largest by more than about 16 decades are lost to rounding. For the whole spectrum of a long
 * product use QR re-orthonormalisation ({@link PositiveQr}).
 */
public final class ScaledMatrixProduct {
    private final int n;
    private final DMatrixRMaj m;
    private final DMatrixRMaj scratch;
    private final SingularValues singularValues;
    private double logScale;
    private int factors;

    /** The empty product (the n × n identity). */
    public ScaledMatrixProduct(int n) {
        this.n = Require.positive(n, "n");
        Require.elementCount(n, n, "n", "n");
        this.m = new DMatrixRMaj(n, n);
        this.scratch = new DMatrixRMaj(n, n);
        this.singularValues = new SingularValues(n, n);
        reset();
    }

    /** Resets to the empty product, the identity. */
    public void reset() {
        CommonOps_DDRM.setIdentity(m);
        logScale = LogSpace.normalise(m);
        factors = 0;
    }

    // tag::scaled-product-step[]
    /** P ← A·P, then M is rescaled to unit Frobenius norm and the scale moved into logScale. */
    public ScaledMatrixProduct leftMultiply(DMatrixRMaj a) {
        Require.shape(a, n, n, "a");
        Require.finite(a, "a");
        MatrixProducts.mult(a, m, scratch);
        m.setTo(scratch);
        logScale += LogSpace.normalise(m);
        factors++;
        return this;
    }
    // end::scaled-product-step[]

    /** ln‖P‖₂ of the product so far; −∞ once the product is exactly zero. */
    public double logSpectralNorm() {
        if (logScale == Double.NEGATIVE_INFINITY) {
            return logScale;
        }
        return logScale + Math.log(singularValues.largest(m));
    }

    /** ln‖P‖_F of the product so far (the Frobenius norm). */
    public double logFrobeniusNorm() {
        return logScale;
    }

    /** ln of the scale factor; the product equals exp(logScale)·{@link #normalisedFactor()}. */
    public double logScale() {
        return logScale;
    }

    /** The unit-Frobenius-norm factor M (a live view: do not modify). */
    public DMatrixRMaj normalisedFactor() {
        return m;
    }

    /** The number of matrices multiplied in. */
    public int factors() {
        return factors;
    }
}
