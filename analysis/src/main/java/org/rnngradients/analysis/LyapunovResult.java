package org.rnngradients.analysis;

import java.util.Arrays;

import org.rnngradients.linalg.internal.Require;

/**
 * The outcome of a {@link LyapunovSpectrum} run: the exponents λ_1 ≥ … ≥ λ_k in nats per step, the
 * running estimates after each re-orthonormalisation (for convergence plots) and the local
 * (finite-time) exponents of each interval. Arrays are copied on the way out.
 *
 * <p>Order. The QR method tracks k frame directions, and direction i converges to the i-th exponent only as
 * the run length grows: after finitely many steps the frame's estimates need not be sorted (two close
 * exponents can appear swapped). {@link #exponents()} therefore sorts them in descending order;
 * {@link #frameOrderExponents()}, the running and the local estimates keep the frame's order, so each
 * convergence curve follows one direction.
 */
public final class LyapunovResult {
    private final double[][] running;
    private final double[][] local;
    private final int[] stepsAt;
    private final double[] losses;

    /** Rows r = 0..records−1; the exponents are the last running estimate. */
    LyapunovResult(double[][] running, double[][] local, int[] stepsAt, double[] losses) {
        this.running = running;
        this.local = local;
        this.stepsAt = stepsAt;
        this.losses = losses;
    }

    /**
     * The precision the re-orthonormalisation at record {@code r} lost, in nats: the largest ln(‖y_i‖/R_ii),
     * how far a propagated direction had collapsed onto the stronger ones. That interval's ln R_ii carry a
     * relative rounding error of about e^loss·2⁻⁵³; intervals are planned to keep it below ≈ 18 nats.
     */
    public double precisionLossAt(int r) {
        return losses[record(r)];
    }

    /** The largest {@link #precisionLossAt} over all records. */
    public double worstPrecisionLoss() {
        return Arrays.stream(losses).max().orElseThrow();
    }

    /** λ_1 ≥ … ≥ λ_k (nats per step), sorted in descending order. */
    public double[] exponents() {
        double[] sorted = frameOrderExponents();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    /** The final estimates in the order of the frame's directions (the last running estimate). */
    public double[] frameOrderExponents() {
        return running[running.length - 1].clone();
    }

    /** λ_1, the largest exponent: the asymptotic log growth rate of the Jacobian product's norm. */
    public double largest() {
        return Arrays.stream(running[running.length - 1]).max().orElseThrow();
    }

    /** λ_1 + … + λ_k: for k = n, the time average of ln|det J_t|. */
    public double sum() {
        double s = 0;
        for (double e : running[running.length - 1]) {
            s += e;
        }
        return s;
    }

    /** How many re-orthonormalisations were recorded. */
    public int records() {
        return stepsAt.length;
    }

    /** The number of steps m of the interval ending at record {@code r} (at most the requested interval). */
    public int intervalAt(int r) {
        int i = record(r);
        return stepsAt[i] - (i == 0 ? 0 : stepsAt[i - 1]);
    }

    /** The number of counted steps at record {@code r} (after warm-up). */
    public int stepsAt(int r) {
        return stepsAt[record(r)];
    }

    /** The running estimates at record {@code r}, in frame order: (Σ ln R_ii so far) / steps so far. */
    public double[] runningEstimate(int r) {
        return running[record(r)].clone();
    }

    /** The local (finite-time) exponents of the interval ending at record {@code r}, in frame order: ln R_ii / m. */
    public double[] localExponents(int r) {
        return local[record(r)].clone();
    }

    /** The running estimate of frame direction i (0-based) at every record: a convergence curve. */
    public double[] runningEstimateOf(int i) {
        Require.inRange(i, 0, running[0].length - 1, "i");
        double[] out = new double[running.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = running[r][i];
        }
        return out;
    }

    private int record(int r) {
        return Require.inRange(r, 0, stepsAt.length - 1, "r");
    }
}
