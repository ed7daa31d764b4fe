package org.rnngradients.analysis;

import org.rnngradients.linalg.Eigenvalues;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.SingularValues;

/**
 * Per-step spectral quantities of the recorded Jacobians: the spectral radius ρ(J_t) and the spectral
 * norm ‖J_t‖₂ for t = 1, …, T. For a vanilla cell they sit below the effective scale
 * γ = ‖W_hh‖₂·sup|φ′| ({@link EffectiveScale}): ρ(J_t) ≤ ‖J_t‖₂ ≤ γ.
 */
public final class StepSeries {
    private final double[] spectralRadius;
    private final double[] spectralNorm;

    private StepSeries(double[] spectralRadius, double[] spectralNorm) {
        this.spectralRadius = spectralRadius;
        this.spectralNorm = spectralNorm;
    }

    // tag::step-series[]
    /** ρ(J_t) and ‖J_t‖₂ of every recorded step (index t − 1 holds step t). */
    public static StepSeries of(JacobianProduct product) {
        Require.nonNull(product, "product");
        int n = product.dimension();
        Eigenvalues eig = new Eigenvalues(n);
        SingularValues sv = new SingularValues(n, n);
        double[] rho = new double[product.steps()];
        double[] norm = new double[product.steps()];
        for (int t = 1; t <= product.steps(); t++) {
            rho[t - 1] = eig.spectralRadius(product.jacobian(t));
            norm[t - 1] = sv.largest(product.jacobian(t));
        }
        return new StepSeries(rho, norm);
    }
    // end::step-series[]

    /** ρ(J_t) for t = 1, …, T at index t − 1 (a copy). */
    public double[] spectralRadius() {
        return spectralRadius.clone();
    }

    /** ‖J_t‖₂ for t = 1, …, T at index t − 1 (a copy). */
    public double[] spectralNorm() {
        return spectralNorm.clone();
    }
}
