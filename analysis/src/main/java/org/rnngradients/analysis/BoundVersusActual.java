package org.rnngradients.analysis;

import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.SingularValues;

/**
 * The submultiplicative bound ‖∂h_T/∂h_t‖ ≤ ∏_{s=t+1}^{T} ‖J_s‖ next to the actual norm, for every t,
 * in natural logs (or, with {@link #fromStart}, ‖∂h_t/∂h_0‖ ≤ ∏_{s ≤ t} ‖J_s‖). The log-ratio ln(bound/actual) ≥ 0 is zero exactly when the bound is tight — when
 * the top singular directions of consecutive Jacobians line up — and grows when they are misaligned.
 */
public final class BoundVersusActual {
    private final double[] logBound;
    private final double[] logActual;

    private BoundVersusActual(double[] logBound, double[] logActual) {
        this.logBound = logBound;
        this.logActual = logActual;
    }

    /** The series for the backward products ∂h_T/∂h_t recorded in {@code product}, indexed by t = 0, …, T. */
    public static BoundVersusActual of(JacobianProduct product) {
        Require.nonNull(product, "product");
        return new BoundVersusActual(logBound(product), product.logSpectralNormsToEnd());
    }

    /**
     * The series for the forward products ∂h_t/∂h_0, indexed by t = 0, …, T: bound Σ_{s ≤ t} ln‖J_s‖
     * against ln‖J_t ⋯ J_1‖, the view in which a perturbation of h_0 is followed forward in time.
     */
    public static BoundVersusActual fromStart(JacobianProduct product) {
        Require.nonNull(product, "product");
        double[] toEnd = logBound(product);
        double[] bound = new double[toEnd.length];
        double[] actual = new double[toEnd.length];
        double[][] spectra = product.logSingularValuesFromStart();
        for (int t = 0; t < bound.length; t++) {
            bound[t] = toEnd[0] - toEnd[t];
            actual[t] = spectra[t][0];
        }
        return new BoundVersusActual(bound, actual);
    }

    // tag::bound-vs-actual[]
    /** ln ∏_{s=t+1}^{T} ‖J_s‖₂ = Σ_{s=t+1}^{T} ln‖J_s‖₂ for every t, summed backward from T. */
    static double[] logBound(JacobianProduct product) {
        int steps = product.steps();
        SingularValues sv = new SingularValues(product.dimension(), product.dimension());
        double[] out = new double[steps + 1];
        for (int t = steps; t >= 1; t--) {
            out[t - 1] = out[t] + Math.log(sv.largest(product.jacobian(t)));
        }
        return out;
    }
    // end::bound-vs-actual[]

    /** ln ∏_{s>t} ‖J_s‖ for t = 0, …, T (a copy). */
    public double[] logBound() {
        return logBound.clone();
    }

    /** ln‖∂h_T/∂h_t‖ for t = 0, …, T (a copy). */
    public double[] logActual() {
        return logActual.clone();
    }

    /** ln(bound/actual) for t = 0, …, T: ≥ 0, and 0 where the bound is tight. */
    public double[] logRatio() {
        double[] out = new double[logBound.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = logBound[t] - logActual[t];
        }
        return out;
    }
}
