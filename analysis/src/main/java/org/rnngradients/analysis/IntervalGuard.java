package org.rnngradients.analysis;

/**
 * Chooses the length of each re-orthonormalisation interval of {@link LyapunovSpectrum}, at most the requested
 * one. Over m steps the k propagated directions spread apart by about m(λ_1 − λ_k) nats and collapse onto the
 * strongest; a QR after a spread of L nats resolves R_ii only to a relative error of about e^L·u
 * (u = 2⁻⁵³). The guard estimates the spread per step from each interval (the larger of the spread of
 * ln R_ii and the precision the QR lost, per step, remembered with a slow decay so that bursts count) and
 * plans the next interval to spread at most {@link #PLANNED_LOSS}; the first interval of a k > 1 frame is one
 * step. A counted interval that still lost more than {@link #MAX_LOSS} is refused.
 */
final class IntervalGuard {
    /** ln 2²⁶ ≈ 18.0 nats: each QR keeps at least half of double precision's 52 bits. */
    static final double PLANNED_LOSS = 26 * Math.log(2);
    /** ln 2⁴⁵ ≈ 31.2 nats: beyond, fewer than 8 bits of the weakest R_ii remain and the interval is refused. */
    static final double MAX_LOSS = 45 * Math.log(2);
    /** Per interval, the remembered spread rate decays by this factor unless a new interval exceeds it. */
    private static final double DECAY = 0.99;

    private final int maxInterval;
    private final boolean single;
    private double rate;
    private boolean estimated;

    /** A guard for intervals of at most {@code maxInterval} steps on a frame of {@code k} directions. */
    IntervalGuard(int maxInterval, int k) {
        this.maxInterval = maxInterval;
        this.single = k == 1;
    }

    /** The length of the next interval: 1 ≤ m ≤ the requested interval. */
    int next() {
        if (single) {
            return maxInterval;
        }
        if (!estimated) {
            return 1;
        }
        return (int) Math.max(1, Math.min(maxInterval, Math.floor(PLANNED_LOSS / rate)));
    }

    /** Updates the spread estimate from the interval of {@code m} steps just re-orthonormalised. */
    void observe(BenettinFrame frame, int m) {
        double now = Math.max(frame.spread(), frame.loss()) / m;
        rate = estimated ? Math.max(now, DECAY * rate) : now;
        estimated = true;
    }

    /** Refuses a counted interval whose QR lost more than {@link #MAX_LOSS}, naming the interval and the spread. */
    void check(BenettinFrame frame, int m) {
        double loss = frame.loss();
        if (loss > MAX_LOSS) {
            double perStep = Math.max(frame.spread(), loss) / m;
            double safe = Math.floor(PLANNED_LOSS / perStep);
            throw new ArithmeticException(String.format(java.util.Locale.ROOT,
                    "re-orthonormalising the %d directions after %d step(s) (interval at most %d) lost the lower "
                    + "exponents at step %d: the weakest direction had collapsed to e^-%.1f of its length, beyond "
                    + "the e^-%.1f at which fewer than 8 bits of it remain; the estimated spread is %.3g nats per "
                    + "step, so the largest safe interval is %s",
                    frame.k, m, maxInterval, frame.stepsTaken(), loss, MAX_LOSS, perStep,
                    safe >= 1 ? String.valueOf((long) safe)
                            : "below one step: the step Jacobian is singular on the tracked directions (exactly "
                            + "zero derivatives whose zeros are not whole rows of J_t, as in a saturated LSTM, give "
                            + "exponents -Infinity that rounding hides) or nearly so; compute fewer exponents, or "
                            + "warm up longer so the frame aligns"));
        }
    }
}
