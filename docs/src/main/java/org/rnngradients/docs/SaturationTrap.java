package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * Text 002's "saturation is a one-way trap", tested on a tanh RNN h_t = tanh(W h_{t−1} + x_t) with W = g·Q (Q
 * orthogonal), h_0 = 0 and no input except one spike that drives every unit to |z| = {@link #SPIKE} at the step of
 * the loss. The adjoint δ crosses the saturated step, shrinking by tanh′(SPIKE), and then travels back through steps
 * where every unit sits at z = 0 (J_t = W): it regains its size after ⌈ln(1/(g·tanh′(SPIKE)))/ln g⌉ more steps when
 * g > 1, and never when g ≤ 1.
 */
final class SaturationTrap {

    static final int N = 16;
    static final double SPIKE = 4;
    /** Steps the adjoint is followed back beyond the saturated step. */
    static final int HORIZON = 100;

    private SaturationTrap() {
    }

    /**
     * The number of steps before the saturated one at which ‖δ‖ first regains its size at the saturated step, or −1
     * when it does not within {@link #HORIZON} steps; also returns the largest ratio ‖δ_{s−k}‖/‖δ_s‖ seen.
     */
    static double[] recovery(double g, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = RandomMatrices.orthogonal(new DMatrixRMaj(N, N), random);
        CommonOps_DDRM.scale(g, w);
        DMatrixRMaj delta = RandomMatrices.gaussian(N, 1, random);
        CommonOps_DDRM.divide(delta, NormOps_DDRM.normP2(delta));
        // at the spike z_i = ±SPIKE (h_{s-1} = 0), so every unit's derivative is tanh′(SPIKE)
        double derivative = 1 - Math.tanh(SPIKE) * Math.tanh(SPIKE);
        DMatrixRMaj scaled = delta.copy();
        CommonOps_DDRM.scale(derivative, scaled);
        DMatrixRMaj next = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.multTransA(w, scaled, next);
        double best = 0;
        int recovered = -1;
        for (int k = 1; k <= HORIZON; k++) {
            double ratio = NormOps_DDRM.normP2(next);   // ‖δ_s‖ = 1
            best = Math.max(best, ratio);
            if (ratio >= 1 && recovered < 0) {
                recovered = k;
            }
            CommonOps_DDRM.multTransA(w, next, scaled);   // h = 0 before the spike: J = W
            DMatrixRMaj swap = next;
            next = scaled;
            scaled = swap;
        }
        return new double[] {recovered, best};
    }
}
