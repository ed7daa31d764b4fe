package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/** Measurements along tanh-RNN trajectories and random products: the γ bound and the top exponent. */
public final class TrajectoryClaims {

    private TrajectoryClaims() {
    }

    // tag::gamma-bound-check[]
    /**
     * Runs h_t = tanh(W h_{t−1} + x_t) with Gaussian inputs and W scaled to spectral norm {@code norm},
     * and returns the largest value of ln‖J_t⋯J_1‖ − t·ln γ over t ≤ T, with γ = ‖W‖·sup tanh′ = ‖W‖.
     * The bound ‖∏J‖ ≤ γ^t holds when this is ≤ 0.
     */
    public static double worstGammaExcess(int n, int steps, double norm, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = RandomMatrices.gaussian(n, n, random);
        CommonOps_DDRM.scale(norm / Spectra.spectralNorm(w), w);
        double logGamma = Math.log(Spectra.spectralNorm(w));
        DMatrixRMaj h = new DMatrixRMaj(n, 1);
        DMatrixRMaj z = new DMatrixRMaj(n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        DMatrixRMaj product = CommonOps_DDRM.identity(n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        double worst = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= steps; t++) {
            CommonOps_DDRM.mult(w, h, z);
            for (int i = 0; i < n; i++) {
                double hi = Math.tanh(z.get(i) + random.gaussian());
                h.set(i, hi);
                for (int c = 0; c < n; c++) {
                    j.unsafe_set(i, c, (1 - hi * hi) * w.unsafe_get(i, c));   // J_t = diag(tanh′) W
                }
            }
            CommonOps_DDRM.mult(j, product, tmp);
            product.setTo(tmp);
            worst = Math.max(worst, Math.log(Spectra.spectralNorm(product)) - t * logGamma);
        }
        return worst;
    }
    // end::gamma-bound-check[]

    /** The largest ratio ‖J_T⋯J_1‖ / ∏‖J_t‖ over random Gaussian products (T ≤ 12): at most 1. */
    public static double worstProductBoundRatio(int n, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            int t = 1 + random.nextInt(12);
            DMatrixRMaj[] js = new DMatrixRMaj[t];
            for (int s = 0; s < t; s++) {
                js[s] = RandomMatrices.gaussian(n, n, random);
            }
            worst = Math.max(worst, ProductClaims.boundRatio(js));
        }
        return worst;
    }

    /** The largest Lyapunov exponent of h ↦ W h (nats/step) from T normalised steps; ln ρ for normal W. */
    public static double largestExponent(DMatrixRMaj w, int steps, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj v = RandomMatrices.gaussian(w.numRows, 1, random);
        DMatrixRMaj next = new DMatrixRMaj(w.numRows, 1);
        LogSpace.normalise(v);
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            CommonOps_DDRM.mult(w, v, next);
            sum += LogSpace.normalise(next);
            v.setTo(next);
        }
        return sum / steps;
    }

    /** The top exponent of an orthogonal W (all exponents are 0). */
    public static double orthogonalExponent(int n, int steps, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(seed));
        return largestExponent(w, steps, seed + 1);
    }

    /** max over random z of ‖diag(tanh′(z)) Q‖₂ for orthogonal Q and z with every abs(z_i) ≥ zMin: below 1. */
    public static double saturatedOrthogonalStepNorm(int n, double zMin, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            Initialiser.orthogonal(1.0).initialise(q, random);
            for (int r = 0; r < n; r++) {
                double z = (random.uniform() < 0.5 ? -1 : 1) * random.uniform(zMin, 3.0);
                for (int c = 0; c < n; c++) {
                    j.unsafe_set(r, c, Claims.tanhDerivative(z) * q.unsafe_get(r, c));
                }
            }
            worst = Math.max(worst, Spectra.spectralNorm(j));
        }
        return worst;
    }

    /** max over random diagonal D of abs(‖D‖₂ − max abs(d_i)). */
    public static double worstDiagonalNormGap(int n, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            double max = 0;
            for (int i = 0; i < n; i++) {
                double di = random.uniform(-2, 2);
                d.set(i, i, di);
                max = Math.max(max, Math.abs(di));
            }
            worst = Math.max(worst, Math.abs(Spectra.spectralNorm(d) - max));
        }
        return worst;
    }

    /** exp(λ₁)/ρ(W) for a random Gaussian W from k normalised steps: the growth rate of ‖W^k v‖ over ρ. */
    public static double powerIterationRateRatio(int n, int k, long seed) {
        DMatrixRMaj w = RandomMatrices.gaussian(n, n, RandomSource.seeded(seed));
        return Math.exp(largestExponent(w, k, seed + 1)) / Spectra.spectralRadius(w);
    }
}
