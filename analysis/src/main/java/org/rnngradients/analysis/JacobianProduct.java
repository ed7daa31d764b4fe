package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.ProductSingularValues;
import org.rnngradients.linalg.internal.Require;

/**
 * The step Jacobians J_1, …, J_T recorded along one trajectory, and the products
 * ∂h_T/∂h_t = J_T J_{T−1} ⋯ J_{t+1} for every t = 0, …, T (the empty product at t = T is I).
 * Their singular values are computed in log space by accumulating backward from T with
 * {@link ProductSingularValues}, so a product that would under- or overflow is never formed. The
 * recording holds T·n² doubles; a spectrum for every t costs O(T·n³).
 */
public final class JacobianProduct {
    private final DMatrixRMaj[] jacobians;
    private final int n;

    private JacobianProduct(DMatrixRMaj[] jacobians, int n) {
        this.jacobians = jacobians;
        this.n = n;
    }

    /** Advances {@code source} by {@code steps} (≥ 1) steps and records J_1, …, J_T. */
    public static JacobianProduct record(JacobianSource source, int steps) {
        Require.nonNull(source, "source");
        Require.positive(steps, "steps");
        int n = Require.positive(source.dimension(), "source.dimension()");
        DMatrixRMaj[] jacobians = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            jacobians[t] = new DMatrixRMaj(n, n);
            source.advance(jacobians[t]);
            Require.finite(jacobians[t], "J_" + (t + 1));
        }
        return new JacobianProduct(jacobians, n);
    }

    /** The number of steps T. */
    public int steps() {
        return jacobians.length;
    }

    /** The state dimension n. */
    public int dimension() {
        return n;
    }

    /** A copy of the step Jacobian J_t, 1 ≤ t ≤ T. */
    public DMatrixRMaj stepJacobian(int t) {
        return jacobians[Require.inRange(t, 1, steps(), "t") - 1].copy();
    }

    /** The live J_t, for read-only use inside this package. */
    DMatrixRMaj jacobian(int t) {
        return jacobians[t - 1];
    }

    // tag::backward-product-spectra[]
    /**
     * ln σ_i(∂h_T/∂h_t) for every t = 0, …, T: row t holds the n log singular values, descending.
     * Accumulated backward from T: (∂h_T/∂h_{t−1})ᵀ = J_tᵀ (∂h_T/∂h_t)ᵀ, one QR step per t.
     */
    public double[][] logSingularValuesToEnd() {
        double[][] out = new double[steps() + 1][n];
        ProductSingularValues product = new ProductSingularValues(n);
        product.logSingularValues(out[steps()]);
        for (int t = steps(); t >= 1; t--) {
            product.multiplyLeftTransposed(jacobians[t - 1]);
            product.logSingularValues(out[t - 1]);
        }
        return out;
    }
    // end::backward-product-spectra[]

    /**
     * ln σ_i(∂h_t/∂h_0) for every t = 0, …, T, the forward view of the same trajectory: how a
     * perturbation of the initial state grows or shrinks, (∂h_t/∂h_0) = J_t (∂h_{t−1}/∂h_0).
     */
    public double[][] logSingularValuesFromStart() {
        double[][] out = new double[steps() + 1][n];
        ProductSingularValues product = new ProductSingularValues(n);
        product.logSingularValues(out[0]);
        for (int t = 1; t <= steps(); t++) {
            product.multiplyLeft(jacobians[t - 1]);
            product.logSingularValues(out[t]);
        }
        return out;
    }

    /** ln‖∂h_T/∂h_t‖₂ for every t = 0, …, T (the largest log singular value of each product). */
    public double[] logSpectralNormsToEnd() {
        double[][] all = logSingularValuesToEnd();
        double[] out = new double[all.length];
        for (int t = 0; t < all.length; t++) {
            out[t] = all[t][0];
        }
        return out;
    }

    /** ln σ_i(∂h_T/∂h_t) for one t in [0, T], descending. */
    public double[] logSingularValues(int t) {
        Require.inRange(t, 0, steps(), "t");
        ProductSingularValues product = new ProductSingularValues(n);
        for (int s = steps(); s > t; s--) {
            product.multiplyLeftTransposed(jacobians[s - 1]);
        }
        return product.logSingularValues(new double[n]);
    }
}
