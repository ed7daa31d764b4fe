package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/**
 * How the Lyapunov computation plans its intervals (kept at the request when nothing spreads, shortened to the
 * planned loss over the observed spread per step once the warm-up has measured it), what a result reports about
 * its records, and the Jacobian sources' own contracts: the Hénon map's state and Jacobian, the scratch Jacobian of
 * the default frame step across sizes, the constructions' ranges and periods.
 */
class LyapunovContractsTest {

    @Test
    void withNothingToSpreadTheRequestedIntervalIsKeptAfterTheWarmUp() {
        DMatrixRMaj rotation = new DMatrixRMaj(new double[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}});
        LyapunovResult r = new LyapunovSpectrum(3, 1, 20, 5).compute(new LinearMap(rotation));
        assertEquals(4, r.records());
        for (int k = 0; k < 4; k++) {
            assertEquals(5, r.intervalAt(k));
            assertEquals(5 * (k + 1), r.stepsAt(k));
        }
    }

    @Test
    void aSpreadOfTwoNatsPerStepShortensEveryIntervalToThePlannedLossOverTwo() {
        DMatrixRMaj diag = new DMatrixRMaj(new double[][] {{Math.E, 0}, {0, 1 / Math.E}});
        LyapunovResult r = new LyapunovSpectrum(2, 30, 60, 100).compute(new LinearMap(diag));
        int planned = (int) Math.floor(IntervalGuard.PLANNED_LOSS / 2);
        for (int k = 0; k < r.records() - 1; k++) {
            assertEquals(planned, r.intervalAt(k), "record " + k);
        }
        assertArrayEquals(new double[] {1, -1}, r.exponents(), 1e-12);
        double worst = 0;
        for (int k = 0; k < r.records(); k++) {
            worst = Math.max(worst, r.precisionLossAt(k));
            assertEquals(r.runningEstimate(k)[1], r.runningEstimateOf(1)[k], 0);
        }
        assertEquals(worst, r.worstPrecisionLoss(), 0);
    }

    @Test
    void aNonFiniteJacobianIsRefusedNamingTheStep() {
        JacobianSource blowsUpAtThree = new JacobianSource() {
            private int t;

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void advance(DMatrixRMaj jacobian) {
                jacobian.zero();
                jacobian.set(0, 0, ++t == 3 ? Double.POSITIVE_INFINITY : 1);
                jacobian.set(1, 1, 1);
            }
        };
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new LyapunovSpectrum(2, 0, 10, 1).compute(blowsUpAtThree));
        assertTrue(e.getMessage().contains("at step 3"), e.getMessage());
    }

    @Test
    void theHenonMapOverwritesItsWholeJacobianAndReportsItsState() {
        HenonMap map = HenonMap.classical();
        DMatrixRMaj j = new DMatrixRMaj(2, 2);
        j.fill(Double.NaN);
        map.advance(j);
        assertArrayEquals(new double[] {0, 1, 0.3, 0}, j.data, 0);
        assertEquals(1, map.x(), 0);
        assertEquals(0, map.y(), 0);
        map.advance(j);
        assertEquals(1 - 1.4, map.x(), 1e-15);
        assertEquals(0.3, map.y(), 0);
    }

    @Test
    void theDefaultFrameStepFormsJacobiansOfEverySizeOnOneThread() {
        DMatrixRMaj image2 = new DMatrixRMaj(2, 1);
        HenonMap.classical().advance(new DMatrixRMaj(new double[][] {{1}, {0}}), image2);
        assertArrayEquals(new double[] {0, 0.3}, image2.data, 0);
        JacobianSource three = new JacobianSource() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void advance(DMatrixRMaj jacobian) {
                org.ejml.dense.row.CommonOps_DDRM.setIdentity(jacobian);
                org.ejml.dense.row.CommonOps_DDRM.scale(2, jacobian);
            }
        };
        DMatrixRMaj image3 = new DMatrixRMaj(3, 1);
        three.advance(new DMatrixRMaj(new double[][] {{1}, {2}, {3}}), image3);
        assertArrayEquals(new double[] {2, 4, 6}, image3.data, 0);
        HenonMap.classical().advance(new DMatrixRMaj(new double[][] {{0}, {1}}), image2);
        assertArrayEquals(new double[] {1, 0}, image2.data, 0);
    }

    @Test
    void constructionsHaveTheRequestedPeriodRangeAndRotation() {
        for (JacobianSequence s : List.of(JacobianConstructions.aligned(3, 5, 2, 3, RandomSource.seeded(1)),
                JacobianConstructions.misaligned(3, 5, 2, 3, RandomSource.seeded(2)))) {
            assertEquals(5, s.period());
            DMatrixRMaj j = new DMatrixRMaj(3, 3);
            for (int t = 0; t < 5; t++) {
                s.advance(j);
                for (double sigma : Spectra.singularValues(j)) {
                    assertTrue(sigma >= 2 - 1e-12 && sigma <= 3 + 1e-12, "σ = " + sigma);
                }
            }
        }
        JacobianSequence flat = JacobianConstructions.aligned(2, 2, 1.5, 1.5, RandomSource.seeded(3));
        DMatrixRMaj j = new DMatrixRMaj(2, 2);
        flat.advance(j);
        assertArrayEquals(new double[] {1.5, 1.5}, Spectra.singularValues(j), 1e-14);
        JacobianConstructions.rotating(2).advance(j);
        Complex_F64[] eig = Spectra.eigenvalues(j);
        assertEquals(0, eig[0].real, 1e-15);
        assertEquals(1, Math.abs(eig[0].imaginary), 1e-15);
    }

    @Test
    void aConstantInputIsWrittenIntoEveryOutput() {
        InputSequence constant = InputSequence.constant(new DMatrixRMaj(new double[][] {{0.5}, {-2}}));
        DMatrixRMaj out = new DMatrixRMaj(2, 1);
        out.fill(Double.NaN);
        constant.next(out);
        assertArrayEquals(new double[] {0.5, -2}, out.data, 0);
    }
}
