package org.rnngradients.analysis;

/**
 * The outcome of a {@link LyapunovSpectrum} run: the exponents λ_1 ≥ … ≥ λ_k in nats per step, the
 * running estimates after each re-orthonormalisation (for convergence plots) and the local
 * (finite-time) exponents of each interval. Arrays are copied on the way out.
 */
public final class LyapunovResult {
    private final double[] exponents;
    private final double[][] running;
    private final double[][] local;
    private final int[] stepsAt;

    LyapunovResult(double[] exponents, double[][] running, double[][] local, int[] stepsAt) {
        this.exponents = exponents;
        this.running = running;
        this.local = local;
        this.stepsAt = stepsAt;
    }

    /** λ_1, …, λ_k (nats per step); their order is the order the QR method produces, descending once converged. */
    public double[] exponents() {
        return exponents.clone();
    }

    /** λ_1, the largest exponent: the asymptotic log growth rate of the Jacobian product's norm. */
    public double largest() {
        return exponents[0];
    }

    /** λ_1 + … + λ_k: for k = n, the time average of ln|det J_t|. */
    public double sum() {
        double s = 0;
        for (double e : exponents) {
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
        return stepsAt[r];
    }

    /** The running estimates of λ_1..λ_k at record {@code r}: (Σ ln R_ii so far) / steps so far. */
    public double[] runningEstimate(int r) {
        return running[r].clone();
    }

    /** The local (finite-time) exponents of the interval ending at record {@code r}: ln R_ii / m. */
    public double[] localExponents(int r) {
        return local[r].clone();
    }

    /** The running estimate of exponent i (0-based) at every record: a convergence curve. */
    public double[] runningEstimateOf(int i) {
        double[] out = new double[running.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = running[r][i];
        }
        return out;
    }
}
