package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * How {@link LyapunovSpectrum} lays out its re-orthonormalisations: intervals planned from the spread of the
 * exponents, re-planned through the counted steps, and a QR forced as soon as a Jacobian exactly removes a
 * tracked direction. The maps are chosen so that the right interval is known in closed form.
 */
class LyapunovIntervalsTest {

    /** A linear map with exponents ±1/2 (spread 1 nat per step) along orthogonal directions rotated by 30°. */
    private static LinearMap spreadOfOneNatPerStep() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double up = Math.exp(0.5);
        double down = Math.exp(-0.5);
        // A = R·diag(e^½, e^−½)·Rᵀ
        return new LinearMap(new DMatrixRMaj(2, 2, true,
                up * c * c + down * s * s, (up - down) * c * s,
                (up - down) * c * s, up * s * s + down * c * c));
    }

    @Test
    void intervalsArePlannedToSpreadAtMostThePlannedLoss() {
        // a spread of 1 nat per step over an interval of m steps is m nats: the guard plans ⌊18.02 / 1⌋ = 18
        // of the 100 steps asked for (the first interval of a 2-direction frame is one step)
        LyapunovResult r = new LyapunovSpectrum(2, 500, 1800, 100).compute(spreadOfOneNatPerStep());
        int planned = (int) Math.floor(IntervalGuard.PLANNED_LOSS / 1.0);
        assertEquals(18, planned);
        for (int j = 0; j < r.records(); j++) {
            assertEquals(planned, r.intervalAt(j), "interval " + j);
        }
        assertEquals(0.5, r.exponents()[0], 1e-12);
        assertEquals(-0.5, r.exponents()[1], 1e-12);
    }

    @Test
    void withoutAWarmUpTheFirstIntervalIsOneStepAndLaterOnesAreReplanned() {
        LyapunovResult r = new LyapunovSpectrum(2, 0, 1000, 100).compute(spreadOfOneNatPerStep());
        assertEquals(1, r.intervalAt(0), "the first interval of a frame of two directions is one step");
        int last = r.intervalAt(r.records() - 2);              // the last one may be cut short by the end
        assertEquals(18, last, "re-planned from the counted intervals: " + r.records() + " records");
    }

    @Test
    void theWorstPrecisionLossIsTheLargestOverTheRecords() {
        // a non-normal map: its eigenvectors (1, 0) and (1, −e^½ + e^−½)… are 45° or less apart, so the second
        // column of every interval has partly collapsed onto the first before its QR
        LinearMap nonNormal = new LinearMap(new DMatrixRMaj(2, 2, true, Math.exp(0.5), 3, 0, Math.exp(-0.5)));
        LyapunovResult r = new LyapunovSpectrum(2, 50, 400, 10).compute(nonNormal);
        double max = 0;
        for (int j = 0; j < r.records(); j++) {
            max = Math.max(max, r.precisionLossAt(j));
        }
        assertTrue(max > 0.1, "the QRs lost precision: " + max);
        assertEquals(max, r.worstPrecisionLoss(), 0.0);
    }

    /**
     * Alternately diag(2, 0), which removes the second coordinate exactly, and a rotation by 30°, which mixes the
     * coordinates again: every product of two or more steps has rank one.
     */
    private static final class RankOneSteps implements JacobianSource {
        private long t;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void advance(DMatrixRMaj jacobian) {
            jacobian.zero();
            if (t++ % 2 == 0) {
                jacobian.set(0, 0, 2);
            } else {
                double c = Math.cos(Math.PI / 6);
                double s = Math.sin(Math.PI / 6);
                jacobian.set(0, 0, c);
                jacobian.set(0, 1, -s);
                jacobian.set(1, 0, s);
                jacobian.set(1, 1, c);
            }
        }
    }

    @Test
    void aDirectionRemovedExactlyIsMinusInfinityOverAnyInterval() {
        // the QR must come at the step that zeroes the row: one step later the rotation has mixed the rows and the
        // lost direction is only rounding away from the kept one (the rotated columns (c·x₁, s·x₁), (c·x₂, s·x₂) are
        // parallel only to rounding), so its exponent would come out finite
        for (int interval : new int[] {1, 10, 100}) {
            double[] lambda = new LyapunovSpectrum(2, 10, 1000, interval).compute(new RankOneSteps()).exponents();
            assertEquals(Double.NEGATIVE_INFINITY, lambda[1], "interval " + interval + ": " + Arrays.toString(lambda));
            // per pair of steps the kept direction grows by 2·cos 30° = √3 (the warm-up ends on a rotation, so the
            // 1000 counted steps are 500 whole pairs): ¼ ln 3 per step
            assertEquals(0.25 * Math.log(3), lambda[0], 1e-12, "interval " + interval);
        }
    }

    /**
     * diag(e^0.01, e^−0.01), which aligns the frame with the axes and lets the guard keep the requested interval,
     * except at step {@code shearAt}: the shear [[1, e^40], [0, 1]], which folds the second axis onto the first,
     * so the QR after it loses ln ‖y₂‖/R₂₂ ≈ 40 nats, beyond the 31.2 allowed.
     */
    private static final class SuddenShear implements JacobianSource {
        private final long shearAt;
        private long t;

        SuddenShear(long shearAt) {
            this.shearAt = shearAt;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void advance(DMatrixRMaj jacobian) {
            jacobian.zero();
            if (++t == shearAt) {
                jacobian.set(0, 0, 1);
                jacobian.set(0, 1, Math.exp(40));
                jacobian.set(1, 1, 1);
            } else {
                jacobian.set(0, 0, Math.exp(0.01));
                jacobian.set(1, 1, Math.exp(-0.01));
            }
        }
    }

    @Test
    void anIntervalThatLostTooMuchIsRefusedNamingItsStepAndTheSafeInterval() {
        // warm-up 2000 steps, then intervals of 10: the shear at step 2105 is in the interval ending at step 2110;
        // ≈ 40 nats over 10 steps is 4 per step, so the largest safe interval is ⌊18.02 / 4⌋ = 4
        String refused = assertThrows(ArithmeticException.class,
                () -> new LyapunovSpectrum(2, 2000, 1000, 10).compute(new SuddenShear(2105))).getMessage();
        assertTrue(refused.contains("after 10 step(s) (interval at most 10)"), refused);
        assertTrue(refused.contains("at step 2110:"), refused);
        assertTrue(refused.contains("collapsed to e^-40."), refused);
        assertTrue(refused.contains("the largest safe interval is 4"), refused);
        // over 3 steps it is ≈ 13.3 nats per step: one step is still safe
        String short3 = assertThrows(ArithmeticException.class,
                () -> new LyapunovSpectrum(2, 2001, 999, 3).compute(new SuddenShear(2105))).getMessage();
        assertTrue(short3.contains("the largest safe interval is 1"), short3);
    }
}
