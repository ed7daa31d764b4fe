package org.rnngradients.analysis;

import java.util.Arrays;

import org.rnngradients.linalg.internal.Require;

/**
 * The k largest Lyapunov exponents λ_1 ≥ … ≥ λ_k (nats per step) of a {@link JacobianSource} by the
 * QR method of Benettin et al.: carry k orthonormal directions Q through the Jacobians (as the block
 * product J_t·Q, which sources compute without forming J_t where they can), and after an interval of
 * m steps re-orthonormalise with a thin n × k QR, Y = QR, adding ln R_ii to the i-th sum;
 * λ_i = sum_i / steps. Warm-up steps first align Q with the dominant directions without counting. The
 * initial directions are a Haar-random orthonormal k-frame from a fixed seed, so no exponent is missed
 * by an unlucky start.
 *
 * <p>The interval trades speed for range. In exact arithmetic every interval gives the same exponents,
 * but over m steps the directions spread apart by about m(λ_1 − λ_k) nats and collapse onto the
 * strongest, and the QR then resolves the weak ones only to about e^{m(λ_1 − λ_k)}·2⁻⁵³. So the requested
 * interval is an upper bound: each interval is shortened (down to one step) to keep the estimated spread
 * within half of double precision, and a counted interval that still lost too much is refused with an
 * {@link ArithmeticException} naming the interval, the spread and the largest safe interval. Columns are
 * rescaled exactly by powers of two as they grow or shrink, so no interval over- or underflows.
 *
 * <p>An exponent is −∞ only when a QR finds a tracked direction exactly lost (R_ii = 0): the step
 * Jacobians have exactly zero rows, from units whose derivative is exactly zero (a dead ReLU, a saturated
 * tanh or gate), leaving fewer dimensions than tracked directions. The interval then ends at that step and
 * the QR keeps those rows exactly zero. A direction lost to rounding without such exact zeros (a Jacobian
 * singular in some other way, or contracting one direction by more than e^31 relative to the others within
 * one step) is refused as above, never reported as −∞ or as a spurious finite value. The inner loop
 * allocates nothing apart from the records it returns.
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
     * {@code warmUpSteps} (≥ 0), re-orthonormalising at least every {@code interval} (≥ 1) steps.
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

    /**
     * Runs the method on {@code source}, which must have dimension ≥ the number of exponents.
     *
     * @throws ArithmeticException if even the shortened intervals cannot resolve the exponents (see above), or
     *                             the source's Jacobians cannot be applied in double precision
     */
    public LyapunovResult compute(JacobianSource source) {
        Require.nonNull(source, "source");
        int n = source.dimension();
        if (exponents > n) {
            throw new IllegalArgumentException("exponents must be <= the state dimension " + n + ", was " + exponents);
        }
        BenettinFrame frame = new BenettinFrame(n, exponents, seed);
        IntervalGuard guard = new IntervalGuard(interval, exponents);
        for (int done = 0; done < warmUpSteps; ) {
            int m = benettinStep(source, frame, Math.min(guard.next(), warmUpSteps - done));
            guard.observe(frame, m);
            done += m;
        }
        Records records = new Records(exponents, (steps + interval - 1) / interval);
        for (int done = 0; done < steps; ) {
            int m = benettinStep(source, frame, Math.min(guard.next(), steps - done));
            guard.check(frame, m);
            guard.observe(frame, m);
            done += m;
            records.add(frame.logGrowth, m, done, frame.loss());
        }
        return records.result();
    }

    // tag::benettin-step[]
    /** Up to m steps Y ← J_t Y, then the re-orthonormalisation Y = QR; returns the steps taken. */
    private static int benettinStep(JacobianSource source, BenettinFrame frame, int m) {
        int s = 0;
        boolean directionLost = false;
        while (s < m && !directionLost) {
            directionLost = frame.propagate(source);   // Q ← J_t·Q (rescaled exactly if it leaves range)
            s++;
        }
        frame.reorthonormalise();                     // Q·R ← Q, logGrowth_i = ln R_ii
        return s;
    }
    // end::benettin-step[]

    /** The running and local exponents after each interval, grown by doubling as intervals are shortened. */
    private static final class Records {
        private final double[] sums;
        private double[][] running;
        private double[][] local;
        private int[] stepsAt;
        private double[] losses;
        private int count;

        Records(int k, int expected) {
            this.sums = new double[k];
            this.running = new double[Math.max(1, expected)][];
            this.local = new double[running.length][];
            this.stepsAt = new int[running.length];
            this.losses = new double[running.length];
        }

        // tag::lyapunov-running-estimate[]
        /** Local exponents ln R_ii / m of this interval; running estimates (Σ ln R_ii) / steps so far. */
        void add(double[] logGrowth, int m, int stepsSoFar, double loss) {
            if (count == stepsAt.length) {
                grow();
            }
            double[] run = new double[sums.length];
            double[] loc = new double[sums.length];
            for (int i = 0; i < sums.length; i++) {
                sums[i] += logGrowth[i];
                loc[i] = logGrowth[i] / m;
                run[i] = sums[i] / stepsSoFar;
            }
            running[count] = run;
            local[count] = loc;
            losses[count] = loss;
            stepsAt[count++] = stepsSoFar;
        }
        // end::lyapunov-running-estimate[]

        private void grow() {
            running = Arrays.copyOf(running, 2 * count);
            local = Arrays.copyOf(local, 2 * count);
            stepsAt = Arrays.copyOf(stepsAt, 2 * count);
            losses = Arrays.copyOf(losses, 2 * count);
        }

        LyapunovResult result() {
            return new LyapunovResult(Arrays.copyOf(running, count), Arrays.copyOf(local, count),
                    Arrays.copyOf(stepsAt, count), Arrays.copyOf(losses, count));
        }
    }
}
