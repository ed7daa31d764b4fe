package org.rnngradients.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * Hand-made Jacobian sequences that show when the bound ‖∏J_t‖ ≤ ∏‖J_t‖ is tight and when it is loose.
 * Tight: each J_t = U_t D_t U_{t−1}ᵀ hands its output singular basis to the next step as input basis,
 * so the product is U_T (∏D_t) U_0ᵀ and its norm is exactly ∏‖J_t‖. Loose: independent random bases
 * at every step, or the extreme 2 × 2 case diag(σ, 1/σ)·rotation(π/2), whose square is −I although
 * each factor has norm σ.
 */
public final class JacobianConstructions {
    private JacobianConstructions() {
    }

    // tag::aligned-construction[]
    /**
     * T steps J_t = U_t D_t U_{t−1}ᵀ with Haar-random orthogonal U_0, …, U_T and D_t diagonal with
     * entries drawn from [minSingular, maxSingular] and sorted descending: singular vectors aligned.
     */
    public static JacobianSequence aligned(int n, int steps, double minSingular, double maxSingular,
                                           RandomSource random) {
        checkRange(n, steps, minSingular, maxSingular, random);
        DMatrixRMaj previous = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), random);
        List<DMatrixRMaj> jacobians = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj next = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), random);
            jacobians.add(svdProduct(next, sortedSingularValues(n, minSingular, maxSingular, random), previous));
            previous = next;
        }
        return JacobianSequence.of(jacobians);
    }
    // end::aligned-construction[]

    // tag::misaligned-construction[]
    /** T steps J_t = V_t D_t W_tᵀ with independent Haar-random V_t, W_t: singular vectors misaligned. */
    public static JacobianSequence misaligned(int n, int steps, double minSingular, double maxSingular,
                                              RandomSource random) {
        checkRange(n, steps, minSingular, maxSingular, random);
        List<DMatrixRMaj> jacobians = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj v = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), random);
            DMatrixRMaj w = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), random);
            jacobians.add(svdProduct(v, sortedSingularValues(n, minSingular, maxSingular, random), w));
        }
        return JacobianSequence.of(jacobians);
    }
    // end::misaligned-construction[]

    // tag::rotating-construction[]
    /**
     * The period-1 sequence J = diag(σ, 1/σ)·[[0, −1], [1, 0]] = [[0, −σ], [1/σ, 0]]: ‖J‖ = σ but
     * J² = −I, so ‖J^T‖ ≤ σ while the bound is σ^T — destructive interference of rotating directions.
     */
    public static JacobianSequence rotating(double sigma) {
        Require.positive(sigma, "sigma");
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, -sigma}, {1 / sigma, 0}});
        return JacobianSequence.of(List.of(j));
    }
    // end::rotating-construction[]

    /** U·diag(d)·Vᵀ. */
    private static DMatrixRMaj svdProduct(DMatrixRMaj u, double[] d, DMatrixRMaj v) {
        int n = d.length;
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled.unsafe_set(i, j, u.unsafe_get(i, j) * d[j]);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, v, out);
        return out;
    }

    private static double[] sortedSingularValues(int n, double lo, double hi, RandomSource random) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = lo == hi ? lo : random.uniform(lo, hi);
        }
        Arrays.sort(d);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return d;
    }

    private static void checkRange(int n, int steps, double lo, double hi, RandomSource random) {
        Require.positive(n, "n");
        Require.elementCount(n, n, "n", "n");
        Require.positive(steps, "steps");
        Require.positive(lo, "minSingular");
        Require.positive(hi, "maxSingular");
        Require.nonNull(random, "random");
        if (hi < lo) {
            throw new IllegalArgumentException("maxSingular must be >= minSingular " + lo + ", was " + hi);
        }
    }
}
