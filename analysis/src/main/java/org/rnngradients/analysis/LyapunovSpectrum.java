package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Require;

/**
 * The k largest Lyapunov exponents λ_1 ≥ … ≥ λ_k (nats per step) of a {@link JacobianSource} by the
 * QR method of Benettin et al.: carry k orthonormal directions Q through the Jacobians, and every
 * m steps re-orthonormalise, Y = QR, adding ln R_ii to the i-th sum; λ_i = sum_i / steps. Warm-up
 * steps first align Q with the dominant directions without counting. The initial directions are a
 * Haar-random orthonormal k-frame from a fixed seed, so no exponent is missed by an unlucky start.
 *
 * <p>The interval m trades speed for range: over m steps the propagated directions grow like
 * e^{m λ_1} and collapse onto the top direction, so m must keep e^{m(λ_1 − λ_k)} well inside double
 * precision (m = 1 always does). The inner loop allocates nothing.
 */
public final class LyapunovSpectrum {
    private static final long DEFAULT_SEED = 0x5EEDL;

    private final int exponents;
    private final int warmUpSteps;
    private final int steps;
    private final int interval;
    private final long seed;

    /**
     * A computation of {@code exponents} (≥ 1) exponents over {@code steps} (≥ 1) counted steps after
     * {@code warmUpSteps} (≥ 0), re-orthonormalising every {@code interval} (≥ 1) steps.
     */
    public LyapunovSpectrum(int exponents, int warmUpSteps, int steps, int interval) {
        this(exponents, warmUpSteps, steps, interval, DEFAULT_SEED);
    }

    /** As {@link #LyapunovSpectrum(int, int, int, int)} with the initial frame drawn from {@code seed}. */
    public LyapunovSpectrum(int exponents, int warmUpSteps, int steps, int interval, long seed) {
        this.exponents = Require.positive(exponents, "exponents");
        this.warmUpSteps = Require.nonNegative(warmUpSteps, "warmUpSteps");
        this.steps = Require.positive(steps, "steps");
        this.interval = Require.positive(interval, "interval");
        this.seed = seed;
    }

    /** Runs the method on {@code source}, which must have dimension ≥ the number of exponents. */
    public LyapunovResult compute(JacobianSource source) {
        Require.nonNull(source, "source");
        int n = source.dimension();
        if (exponents > n) {
            throw new IllegalArgumentException("exponents must be <= the state dimension " + n + ", was " + exponents);
        }
        Workspace w = new Workspace(n, exponents, seed);
        for (int done = 0; done < warmUpSteps; done += interval) {
            benettinStep(source, w, Math.min(interval, warmUpSteps - done));
        }
        int records = (steps + interval - 1) / interval;
        double[] sums = new double[exponents];
        double[][] running = new double[records][exponents];
        double[][] local = new double[records][exponents];
        int[] at = new int[records];
        int done = 0;
        for (int k = 0; k < records; k++) {
            int m = Math.min(interval, steps - done);
            benettinStep(source, w, m);
            done += m;
            at[k] = done;
            recordInterval(w.r, m, sums, done, running[k], local[k]);
        }
        return new LyapunovResult(running, local, at);
    }

    // tag::benettin-step[]
    /** m steps Y ← J_t Y, then the re-orthonormalisation Y = QR; afterwards w.q holds Q and w.r holds R. */
    private static void benettinStep(JacobianSource source, Workspace w, int m) {
        for (int s = 0; s < m; s++) {
            source.advance(w.jacobian);
            CommonOps_DDRM.mult(w.jacobian, w.q, w.y);
            w.q.setTo(w.y);
        }
        requireRepresentable(w.y, m);
        w.qr.decompose(w.y, w.q, w.r);
    }
    // end::benettin-step[]

    // tag::lyapunov-running-estimate[]
    /** Local exponents ln R_ii / m of this interval; running estimates (Σ ln R_ii) / steps so far. */
    private static void recordInterval(DMatrixRMaj r, int m, double[] sums, int stepsSoFar,
                                       double[] running, double[] local) {
        for (int i = 0; i < sums.length; i++) {
            double logGrowth = Math.log(r.unsafe_get(i, i));
            sums[i] += logGrowth;
            local[i] = logGrowth / m;
            running[i] = sums[i] / stepsSoFar;
        }
    }
    // end::lyapunov-running-estimate[]

    private static void requireRepresentable(DMatrixRMaj y, int m) {
        for (int k = 0; k < y.getNumElements(); k++) {
            if (!Double.isFinite(y.data[k])) {
                throw new ArithmeticException("the propagated frame left double range within an interval of "
                        + m + " steps; use a shorter re-orthonormalisation interval");
            }
        }
    }

    /** The buffers of one run: J (n × n), the frame Q and its image Y (n × k), R (k × k), the QR workspace. */
    private static final class Workspace {
        final DMatrixRMaj jacobian;
        final DMatrixRMaj q;
        final DMatrixRMaj y;
        final DMatrixRMaj r;
        final PositiveQr qr;

        Workspace(int n, int k, long seed) {
            jacobian = new DMatrixRMaj(n, n);
            q = RandomMatrices.orthogonal(new DMatrixRMaj(n, k), RandomSource.seeded(seed).fork("lyapunov-frame"));
            y = new DMatrixRMaj(n, k);
            r = new DMatrixRMaj(k, k);
            qr = new PositiveQr(n, k);
        }
    }
}
