package org.rnngradients.analysis;

import org.rnngradients.linalg.Require;

/**
 * The outcome of a {@link LyapunovSpectrum} run: the exponents λ_1 ≥ … ≥ λ_k in nats per step, the
 * running estimates after each re-orthonormalisation (for convergence plots) and the local
 * (finite-time) exponents of each interval. Arrays are copied on the way out.
 */
public final class LyapunovResult {
    private final double[][] running;
    private final double[][] local;
    private final int[] stepsAt;

    /** Rows r = 0..records−1; the exponents are the last running estimate. */
    LyapunovResult(double[][] running, double[][] local, int[] stepsAt) {
        this.running = running;
        this.local = local;
        this.stepsAt = stepsAt;
    }

    /** λ_1, …, λ_k (nats per step); their order is the order the QR method produces, descending once converged. */
    public double[] exponents() {
        return running[running.length - 1].clone();
    }

    /** λ_1, the largest exponent: the asymptotic log growth rate of the Jacobian product's norm. */
    public double largest() {
        return running[running.length - 1][0];
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

    /** The number of counted steps at record {@code r} (after warm-up). */
    public int stepsAt(int r) {
        return stepsAt[record(r)];
    }

    /** The running estimates of λ_1..λ_k at record {@code r}: (Σ ln R_ii so far) / steps so far. */
    public double[] runningEstimate(int r) {
        return running[record(r)].clone();
    }

    /** The local (finite-time) exponents of the interval ending at record {@code r}: ln R_ii / m. */
    public double[] localExponents(int r) {
        return local[record(r)].clone();
    }

    /** The running estimate of exponent i (0-based) at every record: a convergence curve. */
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
