package org.rnngradients.cells;

/**
 * σ and tanh over contiguous runs of an array, written as straight loops that HotSpot's C2 compiles to
 * SIMD code (one loop per stage: a loop that stores two results or mixes the stages stays scalar).
 * Both go through e^v − 1 for v = −z (σ = 1/(1 + e^−z)) or v = 2z (tanh z = u/(u + 2), u = e^{2z} − 1):
 * <ol>
 *   <li>range reduction v = n·ln 2 + ρ, n = round(v·log₂e) by the 1.5·2⁵² shift, ρ in two fma steps with
 *       fdlibm's split ln 2 (|ρ| ≤ ln 2 / 2);</li>
 *   <li>e^ρ − 1 = ρ + ρ²·P(ρ), P the Taylor series to ρ¹²/14! (the next term is below 2⁻⁶⁰ relative);</li>
 *   <li>e^v − 1 = s·(e^ρ − 1) + (s − 1), s = 2ⁿ built from the exponent bits, so no cancellation near v = 0.</li>
 * </ol>
 * Valid for |z| &lt; {@value #LIMIT} (2ⁿ stays a normal number); callers test {@link #maxAbs} first and
 * keep their exact scalar path for anything larger or non-finite. Measured against {@link Math#exp}-based
 * references: at most 4 ulps (see {@code PackedActivationsTest}). An instance holds its scratch, so it is
 * not thread-safe and allocates nothing per call.
 */
final class PackedActivations {
    /** The largest |z| the packed kernels accept. */
    static final double LIMIT = 300;
    /** Elements per pass through the stages: the scratch and the run stay in the L1 cache. */
    private static final int CHUNK = 512;
    private static final double LOG2E = 1.4426950408889634;
    private static final double SHIFT = 0x1.8p52;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;
    private static final double C14 = 1.0 / 87178291200.0;

    /** n + 1.5·2⁵² per element: its low bits hold n. */
    private final double[] shifted = new double[CHUNK];
    /** ρ, then e^ρ − 1, per element. */
    private final double[] reduced = new double[CHUNK];

    /** max |z[from .. from + n)|, NaN when any element is NaN (0 for n = 0). */
    static double maxAbs(double[] z, int from, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(z[from + i]));
        }
        return m;
    }

    /** out[to + i] = σ(z[from + i]) for i &lt; n; every |z| must be below {@link #LIMIT}. */
    void sigmoid(double[] z, int from, int n, double[] out, int to) {
        for (int done = 0; done < n; done += CHUNK) {
            int m = Math.min(CHUNK, n - done);
            expm1Parts(z, from + done, m, -1);
            logistic(m, out, to + done);
        }
    }

    /** out[to + i] = tanh(z[from + i]) for i &lt; n; every |z| must be below {@link #LIMIT}. */
    void tanh(double[] z, int from, int n, double[] out, int to) {
        for (int done = 0; done < n; done += CHUNK) {
            int m = Math.min(CHUNK, n - done);
            expm1Parts(z, from + done, m, 2);
            hyperbolicTangent(m, out, to + done);
        }
    }

    /** Stages 1 and 2 for v = scale·z: the shifted n in {@link #shifted}, e^ρ − 1 in {@link #reduced}. */
    private void expm1Parts(double[] z, int from, int m, double scale) {
        reduce(z, from, m, scale);
        taylor(m);
    }

    /** v = n·ln 2 + ρ. */
    private void reduce(double[] z, int from, int m, double scale) {
        double[] k = shifted;
        double[] r = reduced;
        for (int i = 0; i < m; i++) {
            double v = scale * z[from + i];
            double kk = Math.fma(v, LOG2E, SHIFT);
            double n = kk - SHIFT;
            k[i] = kk;
            r[i] = Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, v));
        }
    }

    /** ρ ← e^ρ − 1 = ρ + ρ²·P(ρ) by Horner's rule. */
    private void taylor(int m) {
        double[] r = reduced;
        for (int i = 0; i < m; i++) {
            double x = r[i];
            double p = Math.fma(x, C14, C13);
            p = Math.fma(x, p, C12);
            p = Math.fma(x, p, C11);
            p = Math.fma(x, p, C10);
            p = Math.fma(x, p, C9);
            p = Math.fma(x, p, C8);
            p = Math.fma(x, p, C7);
            p = Math.fma(x, p, C6);
            p = Math.fma(x, p, C5);
            p = Math.fma(x, p, C4);
            p = Math.fma(x, p, C3);
            p = Math.fma(x, p, C2);
            r[i] = Math.fma(x * x, p, x);
        }
    }

    /** 2ⁿ from the shifted n: n + 1023 moved into the exponent field. */
    private static double powerOfTwo(double shiftedN) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(shiftedN) + 1023) << 52);
    }

    /** σ = 1/(1 + e^−z), e^−z = s·(e^ρ − 1) + s. */
    private void logistic(int m, double[] out, int to) {
        double[] k = shifted;
        double[] q = reduced;
        for (int i = 0; i < m; i++) {
            double s = powerOfTwo(k[i]);
            out[to + i] = 1 / (1 + Math.fma(s, q[i], s));
        }
    }

    /** tanh z = u/(u + 2), u = e^{2z} − 1 = s·(e^ρ − 1) + (s − 1). */
    private void hyperbolicTangent(int m, double[] out, int to) {
        double[] k = shifted;
        double[] q = reduced;
        for (int i = 0; i < m; i++) {
            double s = powerOfTwo(k[i]);
            double u = Math.fma(s, q[i], s - 1);
            out[to + i] = u / (u + 2);
        }
    }
}
