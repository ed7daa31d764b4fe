package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.DiagonalProducts;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/**
 * The measurements behind the claims ledger. Each method computes one quantity that a source text states;
 * the ledger generator and the tests call the same method, so the book prints what the tests check.
 */
public final class Claims {

    /**
     * The example sentence of text 001, each word prefixed by its position: the predicate at the end must agree
     * with a subject far back.
     */
    public static final String CAT_SENTENCE = "0:The 1:cat 2:that 3:sat 4:on 5:the 6:mat 7:by 8:the 9:window 10:in 11:the 12:old 13:kitchen 14:was 15:hungry";

    private Claims() {
    }

    /** ρ^k, the norm of (ρI)^k computed as a matrix power's spectral norm (so the matrix path is exercised). */
    public static double scaledIdentityPowerNorm(double rho, int k, int n) {
        DMatrixRMaj j = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(rho, j);
        return Spectra.spectralNorm(power(j, k));
    }

    /** A^k by repeated multiplication. */
    public static DMatrixRMaj power(DMatrixRMaj a, int k) {
        DMatrixRMaj p = CommonOps_DDRM.identity(a.numRows);
        DMatrixRMaj tmp = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < k; i++) {
            CommonOps_DDRM.mult(p, a, tmp);
            p.setTo(tmp);
        }
        return p;
    }

    // tag::tanh-derivative[]
    /** tanh′(z) = 1 − tanh²(z). */
    public static double tanhDerivative(double z) {
        double t = Math.tanh(z);
        return 1 - t * t;
    }
    // end::tanh-derivative[]

    /** σ′(z) = σ(z)(1 − σ(z)). */
    public static double sigmoidDerivative(double z) {
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 - s);
    }

    /** The largest value of f on a grid of {@code n} points over [−a, a] (a numeric sup). */
    public static double supOnGrid(java.util.function.DoubleUnaryOperator f, double a, int n) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            best = Math.max(best, f.applyAsDouble(-a + 2 * a * i / (n - 1)));
        }
        return best;
    }

    /**
     * Number of words strictly between {@code from} and {@code to}: the backward steps from the state that reads
     * {@code from} to the state that predicts {@code to} in next-word prediction.
     */
    public static int tokenDistance(String sentence, String from, String to) {
        String[] words = sentence.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", "").trim().split(" +");
        int i = java.util.Arrays.asList(words).indexOf(from);
        int j = java.util.Arrays.asList(words).indexOf(to);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("both words must occur in the sentence: " + from + ", " + to);
        }
        return j - i - 1;
    }

    // tag::spectral-radius-counterexample[]
    /**
     * Searches random n×n Gaussian W and derivative vectors d ∈ (0, 1]ⁿ for the largest ratio
     * ρ(diag(d) W) / ρ(W). A ratio above 1 refutes "ρ(diag(d) W) ≤ ρ(W)".
     */
    public static double worstSpectralRadiusRatio(int n, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            RandomMatrices.gaussian(w, 1.0, random);
            for (int r = 0; r < n; r++) {
                d.data[r] = random.uniform(0.01, 1.0);
            }
            DiagonalProducts.diagTimes(d, w, j);
            worst = Math.max(worst, Spectra.spectralRadius(j) / Spectra.spectralRadius(w));
        }
        return worst;
    }
    // end::spectral-radius-counterexample[]

    /** The largest ratio ‖diag(d) W‖₂ / (max|d| · ‖W‖₂) over random W and d; at most 1 by submultiplicativity. */
    public static double worstNormBoundRatio(int n, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double worst = 0;
        for (int trial = 0; trial < trials; trial++) {
            RandomMatrices.gaussian(w, 1.0, random);
            double maxD = 0;
            for (int r = 0; r < n; r++) {
                d.data[r] = random.uniform(-1.0, 1.0);
                maxD = Math.max(maxD, Math.abs(d.data[r]));
            }
            DiagonalProducts.diagTimes(d, w, j);
            worst = Math.max(worst, Spectra.spectralNorm(j) / (maxD * Spectra.spectralNorm(w)));
        }
        return worst;
    }

    /** The largest |λ| of an orthogonal matrix from {@link Initialiser#orthogonal(double)} with gain 1. */
    public static double orthogonalSpectralRadius(int n, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(seed));
        return Spectra.spectralRadius(w);
    }

    /** The smallest |λ| of the same orthogonal matrix (all moduli are 1). */
    public static double orthogonalSmallestModulus(int n, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(seed));
        double min = Double.POSITIVE_INFINITY;
        for (var e : Spectra.eigenvalues(w)) {
            min = Math.min(min, e.getMagnitude());
        }
        return min;
    }

    /**
     * Clips a random gradient of norm {@code norm} at θ with the bptt module's global-norm clipping and
     * returns {norm after, cosine between before and after}.
     */
    public static double[] clipOutcome(double norm, double theta, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj a = RandomMatrices.gaussian(6, 4, random);
        DMatrixRMaj b = RandomMatrices.gaussian(6, 1, random);
        double scale = norm / Math.sqrt(CommonOps_DDRM.elementSum(elementSquare(a)) + CommonOps_DDRM.elementSum(elementSquare(b)));
        CommonOps_DDRM.scale(scale, a);
        CommonOps_DDRM.scale(scale, b);
        DMatrixRMaj a0 = a.copy();
        DMatrixRMaj b0 = b.copy();
        org.rnngradients.bptt.ParameterSet g = new org.rnngradients.bptt.ParameterSet().with("a", a).with("b", b);
        org.rnngradients.bptt.clip.GradientClipping.clipGlobalNorm(g, theta);
        double after = Math.sqrt(CommonOps_DDRM.elementSum(elementSquare(a)) + CommonOps_DDRM.elementSum(elementSquare(b)));
        double dot = dot(a, a0) + dot(b, b0);
        return new double[] {after, dot / (after * norm)};
    }

    private static double dot(DMatrixRMaj x, DMatrixRMaj y) {
        double sum = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            sum += x.data[i] * y.data[i];
        }
        return sum;
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj m) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.elementMult(m, m, out);
        return out;
    }
}
