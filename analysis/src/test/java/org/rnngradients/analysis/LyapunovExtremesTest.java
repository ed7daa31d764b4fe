package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/**
 * Lyapunov spectra at the numerical extremes of issue 13: finite wherever the mathematics is finite, over
 * any interval, and −∞ exactly for the directions that units with exactly zero derivatives remove.
 */
class LyapunovExtremesTest {
    private static final int T = 10_000;

    private static long minusInfinities(double[] lambda) {
        return Arrays.stream(lambda).filter(x -> x == Double.NEGATIVE_INFINITY).count();
    }

    @Test
    void tenThousandStepsAtSpectralRadiusOneAndAHalfAndOneHalfGiveLnRhoOverAnyInterval() {
        for (double rho : new double[] {1.5, 0.5}) {
            DMatrixRMaj w = new DMatrixRMaj(5, 5);
            Initialiser.orthogonal(rho).initialise(w, RandomSource.seeded(1));
            double[] sigma = Spectra.singularValues(w);
            // Every exponent of ρ·Q lies in [ln σ_min, ln σ_max] (≈ ln ρ ± u); summing 10⁴ logs rounds by
            // about an ulp of the sum per step.
            double tolerance = Math.log(sigma[0] / sigma[4]) + Math.ulp(T * Math.log(2)) + 1e-14;
            for (int interval : new int[] {1, T}) {
                double[] lambda = new LyapunovSpectrum(5, 0, T, interval).compute(new LinearMap(w)).exponents();
                double[] expected = new double[5];
                Arrays.fill(expected, Math.log(rho));
                assertArrayEquals(expected, lambda, tolerance, "rho=" + rho + ", interval " + interval);
            }
        }
    }

    /** A ReLU RNN (H = 8, no input) whose first {@code dead} units have bias −100 and the rest bias +1. */
    private static CellTrajectory reluNetwork(int dead) {
        RecurrentCell cell = CellKind.RNN_RELU.create(1, 8);
        Cells.initialise(cell, Initialiser.orthogonal(0.1), Initialiser.uniform(0.5), RandomSource.seeded(2));
        DMatrixRMaj bias = cell.parameters().biasHh();
        for (int i = 0; i < 8; i++) {
            bias.set(i, 0, i < dead ? -100 : 1);
        }
        cell.parameters().biasIh().zero();
        return CellTrajectory.autonomous(cell);
    }

    @Test
    void deadReluUnitsRemoveExactlyTheirDirections() {
        for (int interval : new int[] {1, 50}) {
            double[] lambda = new LyapunovSpectrum(8, 10, 500, interval).compute(reluNetwork(3)).exponents();
            assertEquals(3, minusInfinities(lambda), "interval " + interval + ": " + Arrays.toString(lambda));
            for (int i = 0; i < 5; i++) {
                assertTrue(Double.isFinite(lambda[i]), "live direction " + i + ": " + Arrays.toString(lambda));
            }
            double[] allDead = new LyapunovSpectrum(8, 10, 500, interval).compute(reluNetwork(8)).exponents();
            assertEquals(8, minusInfinities(allDead), Arrays.toString(allDead));
        }
    }

    @Test
    void aTanhNetworkSaturatedByWeightsTimesTenToThe300HasExponentsMinusInfinity() {
        // |z| ≈ 1e300: tanh(z) = ±1 exactly, so 1 − tanh² = 0 and every J_t = 0 after the first step.
        RecurrentCell cell = CellKind.RNN_TANH.create(2, 6);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.0), Initialiser.xavierUniform(1.0), RandomSource.seeded(3));
        CommonOps_DDRM.scale(1e300, cell.parameters().weightHh());
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.gaussian(2, 1.0, RandomSource.seeded(4)),
                new DMatrixRMaj(6, 1));
        double[] lambda = new LyapunovSpectrum(6, 0, T, 100).compute(trajectory).exponents();
        assertEquals(6, minusInfinities(lambda), Arrays.toString(lambda));
    }

    @Test
    void aNearlySaturatedTanhNetworkStaysFinite() {
        // Derivatives down to ~1e-15 but not zero: strongly contracting, every exponent finite.
        RecurrentCell cell = CellKind.RNN_TANH.create(2, 6);
        Cells.initialise(cell, Initialiser.scaledGaussian(6.0), Initialiser.xavierUniform(1.0), RandomSource.seeded(5));
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.gaussian(2, 1.0, RandomSource.seeded(6)),
                new DMatrixRMaj(6, 1));
        LyapunovResult result = new LyapunovSpectrum(3, 100, 2000, 100).compute(trajectory);
        for (double x : result.exponents()) {
            assertTrue(Double.isFinite(x), Arrays.toString(result.exponents()));
        }
    }

    @Test
    void aGruWithGatesSaturatedByWeightsTimesTenToThe300KeepsOnlyItsOpenUnits() {
        // z, r ∈ {0, 1} and n = ±1 exactly: J_t = diag(z_t). A unit with z = 1 keeps its direction (λ = 0);
        // a unit with z = 0 at some step loses it (λ = −∞).
        RecurrentCell cell = CellKind.GRU.create(2, 6);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(7));
        CommonOps_DDRM.scale(1e300, cell.parameters().weightHh());
        CommonOps_DDRM.scale(1e300, cell.parameters().weightIh());
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.gaussian(2, 1.0, RandomSource.seeded(8)),
                new DMatrixRMaj(6, 1));
        double[] lambda = new LyapunovSpectrum(6, 0, 2000, 10).compute(trajectory).exponents();
        for (double x : lambda) {
            assertTrue(x == Double.NEGATIVE_INFINITY || Math.abs(x) < 1e-12, Arrays.toString(lambda));
        }
    }

    @Test
    void anLstmWithGatesSaturatedByWeightsTimesTenToThe300KeepsItsLargestExponentAndRefusesTheRest() {
        // i, f, o ∈ {0, 1} and g = ±1 exactly: J_t = [[0, diag(o·tanh′(c)·f)], [0, diag(f)]]. Its zero columns
        // make J_t·Q rank-deficient without exactly zero rows (an open unit's h-row is a multiple of its c-row),
        // so rounding hides which directions are lost: the full spectrum is refused rather than invented,
        // while the largest exponent is 0 (a unit with f = 1 keeps its cell) or −∞.
        RecurrentCell cell = CellKind.LSTM.create(2, 4);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(9));
        CommonOps_DDRM.scale(1e300, cell.parameters().weightHh());
        CommonOps_DDRM.scale(1e300, cell.parameters().weightIh());
        java.util.function.Supplier<CellTrajectory> trajectory = () -> new CellTrajectory(cell,
                InputSequence.gaussian(2, 1.0, RandomSource.seeded(10)), new DMatrixRMaj(8, 1));
        double largest = new LyapunovSpectrum(1, 0, 2000, 10).compute(trajectory.get()).largest();
        assertTrue(largest == Double.NEGATIVE_INFINITY || Math.abs(largest) < 1e-12, "largest " + largest);
        ArithmeticException refused = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> new LyapunovSpectrum(8, 0, 2000, 10).compute(trajectory.get()));
        assertTrue(refused.getMessage().contains("singular on the tracked directions"), refused.getMessage());
    }
}
