package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/** Measurements about products of step Jacobians: the submultiplicative bound, when it is tight or loose. */
public final class ProductClaims {

    private ProductClaims() {
    }

    /** A 2×2 rotation by {@code angle}. */
    public static DMatrixRMaj rotation(double angle) {
        return new DMatrixRMaj(2, 2, true, Math.cos(angle), -Math.sin(angle), Math.sin(angle), Math.cos(angle));
    }

    /** diag(a, b). */
    public static DMatrixRMaj diag(double a, double b) {
        return new DMatrixRMaj(2, 2, true, a, 0, 0, b);
    }

    /** ‖J_T ⋯ J_1‖ / ∏‖J_t‖ for J_t = {@code j} repeated T times; 1 means the bound is attained. */
    public static double boundRatio(DMatrixRMaj[] js) {
        DMatrixRMaj product = CommonOps_DDRM.identity(js[0].numRows);
        DMatrixRMaj tmp = new DMatrixRMaj(product.numRows, product.numCols);
        double logBound = 0;
        for (DMatrixRMaj j : js) {
            CommonOps_DDRM.mult(j, product, tmp);
            product.setTo(tmp);
            logBound += Math.log(Spectra.spectralNorm(j));
        }
        return Math.exp(Math.log(Spectra.spectralNorm(product)) - logBound);
    }

    // tag::aligned-and-crossed-products[]
    /** T copies of diag(β, ε): every top singular direction feeds the next, so the bound is attained. */
    public static DMatrixRMaj[] aligned(double beta, double eps, int t) {
        DMatrixRMaj[] js = new DMatrixRMaj[t];
        for (int i = 0; i < t; i++) {
            js[i] = diag(beta, eps);
        }
        return js;
    }

    /** Alternating diag(β, ε) and diag(ε, β): the stretched direction of one step is squeezed by the next. */
    public static DMatrixRMaj[] crossed(double beta, double eps, int t) {
        DMatrixRMaj[] js = new DMatrixRMaj[t];
        for (int i = 0; i < t; i++) {
            js[i] = i % 2 == 0 ? diag(beta, eps) : diag(eps, beta);
        }
        return js;
    }
    // end::aligned-and-crossed-products[]

    /**
     * The growth factor ‖J_T ⋯ J_1 v‖ for J_t = R·diag(ρ, ε) (R a quarter turn): every J_t has the same
     * top right-singular vector v = e₁ with singular value ρ, yet the image of v leaves that direction.
     */
    public static double sharedRightSingularVectorGrowth(double rho, double eps, int t) {
        DMatrixRMaj j = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(rotation(Math.PI / 2), diag(rho, eps), j);
        DMatrixRMaj v = new DMatrixRMaj(2, 1, true, 1, 0);
        DMatrixRMaj next = new DMatrixRMaj(2, 1);
        for (int i = 0; i < t; i++) {
            CommonOps_DDRM.mult(j, v, next);
            v.setTo(next);
        }
        return Math.sqrt(CommonOps_DDRM.dot(v, v));
    }

    /**
     * The smallest ratio ‖J_T ⋯ J_1‖ / ρ^T over random J_t that share the eigenvector e₁ with eigenvalue
     * λ_t, |λ_t| ≥ ρ; at least 1 when "a common eigendirection gives growth ρ^T" holds.
     */
    public static double commonEigenvectorGrowthRatio(int n, int t, double rho, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double worst = Double.POSITIVE_INFINITY;
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int trial = 0; trial < trials; trial++) {
            DMatrixRMaj product = CommonOps_DDRM.identity(n);
            DMatrixRMaj tmp = new DMatrixRMaj(n, n);
            for (int s = 0; s < t; s++) {
                RandomMatrices.gaussian(j, 1.0, random);
                double lambda = (random.uniform() < 0.5 ? -1 : 1) * rho * random.uniform(1.0, 1.5);
                for (int r = 0; r < n; r++) {
                    j.unsafe_set(r, 0, r == 0 ? lambda : 0);
                }
                CommonOps_DDRM.mult(j, product, tmp);
                product.setTo(tmp);
            }
            worst = Math.min(worst, Spectra.spectralNorm(product) / Math.pow(rho, t));
        }
        return worst;
    }

    /** ‖J^k‖ / ρ(J)^k for the upper-triangular J = [[a, c], [0, b]] (diagonalisable when a ≠ b). */
    public static double triangularTransientRatio(double a, double c, double b, int k) {
        DMatrixRMaj j = new DMatrixRMaj(2, 2, true, a, c, 0, b);
        return Spectra.spectralNorm(Claims.power(j, k)) / Math.pow(Math.max(Math.abs(a), Math.abs(b)), k);
    }

    /** κ(P) of the unit eigenvector matrix of [[a, c], [0, b]], a ≠ b: the bound ‖J^k‖ ≤ κ(P) ρ^k. */
    public static double triangularEigenvectorCondition(double a, double c, double b) {
        double norm = Math.hypot(c, b - a);
        return Spectra.conditionNumber(new DMatrixRMaj(2, 2, true, 1, c / norm, 0, (b - a) / norm));
    }

    /**
     * For random diagonalisable J = P Λ P⁻¹ (real eigenvalues, spectral radius ρ drawn from {0.9, 1, 1.1}) the
     * largest violation, in nats, of ρ^k ≤ ‖J^k‖ ≤ κ(P) ρ^k over k ≤ kMax: at most 0 when the three regimes of a
     * constant diagonalisable Jacobian (vanish, bounded, explode) hold.
     */
    public static double worstDiagonalisablePowerViolation(int n, int trials, int kMax, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double[] radii = {0.9, 1.0, 1.1};
        double worst = Double.NEGATIVE_INFINITY;
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int trial = 0; trial < trials; trial++) {
            double rho = radii[trial % radii.length];
            DMatrixRMaj p = RandomMatrices.gaussian(n, n, random);
            DMatrixRMaj lambda = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                lambda.set(i, i, i == 0 ? rho : rho * random.uniform(-1.0, 1.0));
            }
            DMatrixRMaj inverse = new DMatrixRMaj(n, n);
            CommonOps_DDRM.invert(p, inverse);
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(p, lambda, tmp);
            CommonOps_DDRM.mult(tmp, inverse, j);
            double logKappa = Math.log(Spectra.conditionNumber(p));
            DMatrixRMaj power = CommonOps_DDRM.identity(n);
            for (int k = 1; k <= kMax; k++) {
                CommonOps_DDRM.mult(j, power, tmp);
                power.setTo(tmp);
                double excess = Math.log(Spectra.spectralNorm(power)) - k * Math.log(rho);
                worst = Math.max(worst, Math.max(excess - logKappa, -excess) - 1e-9 * k);
            }
        }
        return worst;
    }

    /** ‖J^k‖ for the Jordan block [[1, 1], [0, 1]]: √(1 + k²/2 + k·√(1 + k²/4)), growing like k although ρ = 1. */
    public static double unitJordanPowerNorm(int k) {
        return Spectra.spectralNorm(Claims.power(new DMatrixRMaj(2, 2, true, 1, 1, 0, 1), k));
    }

    /** max |σ_max(W) − √λ_max(WᵀW)| over random W. */
    public static double worstSpectralNormIdentityError(int n, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        DMatrixRMaj wtw = new DMatrixRMaj(n, n);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            RandomMatrices.gaussian(w, 1.0, random);
            CommonOps_DDRM.multTransA(w, w, wtw);
            double viaEigen = Math.sqrt(Spectra.spectralRadius(wtw));
            worst = Math.max(worst, Math.abs(Spectra.spectralNorm(w) - viaEigen) / viaEigen);
        }
        return worst;
    }

    /** max |‖Aᵀ‖ − ‖A‖| / ‖A‖ over random rectangular A: the backward product has the forward product's norm. */
    public static double worstTransposeNormGap(int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            DMatrixRMaj a = RandomMatrices.gaussian(3 + random.nextInt(5), 3 + random.nextInt(5), random);
            DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
            worst = Math.max(worst, Math.abs(Spectra.spectralNorm(at) - Spectra.spectralNorm(a)) / Spectra.spectralNorm(a));
        }
        return worst;
    }

    /**
     * T cell-state Jacobians diag(f_t) of an LSTM whose forget gates f_t = σ(b + ξ), ξ ~ N(0, 1), sit near 1:
     * the product the gated path multiplies.
     */
    public static DMatrixRMaj[] forgetGateProduct(int n, int t, double bias, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj[] js = new DMatrixRMaj[t];
        for (int s = 0; s < t; s++) {
            js[s] = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                js[s].unsafe_set(i, i, 1 / (1 + Math.exp(-(bias + random.gaussian()))));
            }
        }
        return js;
    }

    /** ‖J_T ⋯ J_1‖ itself. */
    public static double productNorm(DMatrixRMaj[] js) {
        DMatrixRMaj product = CommonOps_DDRM.identity(js[0].numRows);
        DMatrixRMaj tmp = new DMatrixRMaj(product.numRows, product.numCols);
        for (DMatrixRMaj j : js) {
            CommonOps_DDRM.mult(j, product, tmp);
            product.setTo(tmp);
        }
        return Spectra.spectralNorm(product);
    }

    /** Steps for ρ^k to pass {@code level}: ⌈ln level / ln ρ⌉. */
    public static int stepsToReach(double rho, double level) {
        return (int) Math.ceil(Math.log(level) / Math.log(rho));
    }
}
