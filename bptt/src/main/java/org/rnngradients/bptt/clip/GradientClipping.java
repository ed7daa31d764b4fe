package org.rnngradients.bptt.clip;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.cells.NamedMatrices;
import org.rnngradients.linalg.internal.Require;

/**
 * The three clipping operations, in place on a gradient g seen as one vector. Thresholds must be
 * finite and &gt; 0; the gradient must be finite (the {@link NonFinitePolicy} of a
 * {@link GradientClipper} deals with the other case first).
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    // tag::clip-global-norm[]
    /** If ‖g‖₂ exceeds θ, g ← θ·g/‖g‖₂ (direction kept); returns ‖g‖₂ before clipping. */
    public static double clipGlobalNorm(ParameterSet gradient, double theta) {
        requireThreshold(theta, "theta");
        double norm = requireFiniteNorm(gradient);
        if (norm > theta) {
            gradient.scale(theta / norm);
        }
        return norm;
    }
    // end::clip-global-norm[]

    /** Clips each matrix separately to norm ≤ θ; returns each matrix's norm before clipping (in order). */
    public static double[] clipPerParameter(ParameterSet gradient, double theta) {
        requireThreshold(theta, "theta");
        requireFiniteNorm(gradient);
        double[] norms = new double[gradient.tensors().size()];
        for (int k = 0; k < norms.length; k++) {
            DMatrixRMaj m = gradient.tensors().get(k);
            norms[k] = NamedMatrices.norm(m);
            if (norms[k] > theta) {
                double s = theta / norms[k];
                for (int i = 0; i < m.getNumElements(); i++) {
                    m.data[i] *= s;
                }
            }
        }
        return norms;
    }

    /** Clamps every entry to [−θ, θ]; returns how many entries were changed. */
    public static int clipValues(ParameterSet gradient, double theta) {
        requireThreshold(theta, "theta");
        requireFiniteNorm(gradient);
        int changed = 0;
        for (DMatrixRMaj m : gradient.tensors()) {
            for (int i = 0; i < m.getNumElements(); i++) {
                double v = m.data[i];
                if (Math.abs(v) > theta) {
                    m.data[i] = Math.copySign(theta, v);
                    changed++;
                }
            }
        }
        return changed;
    }

    static void requireThreshold(double theta, String name) {
        Require.positive(theta, name);
    }

    private static double requireFiniteNorm(ParameterSet gradient) {
        Require.nonNull(gradient, "gradient");
        double norm = gradient.norm();
        if (!Double.isFinite(norm)) {
            throw new NonFiniteGradientException(norm);
        }
        return norm;
    }
}
