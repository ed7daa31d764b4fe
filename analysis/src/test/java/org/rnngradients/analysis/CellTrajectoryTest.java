package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertSumEqualsAverageLogDeterminant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

class CellTrajectoryTest {

    private static RecurrentCell cell(CellKind kind, int inputSize, int hiddenSize, long seed) {
        RecurrentCell cell = kind.create(inputSize, hiddenSize);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed));
        return cell;
    }

    private static RecurrentCell vanilla(CellKind kind, int hiddenSize, Initialiser recurrent, long seed) {
        RecurrentCell cell = kind.create(2, hiddenSize);
        Cells.initialise(cell, recurrent, Initialiser.uniform(0.5), RandomSource.seeded(seed));
        return cell;
    }

    private static CellTrajectory driven(RecurrentCell cell, long seed) {
        return new CellTrajectory(cell, InputSequence.gaussian(cell.inputSize(), 1.0, RandomSource.seeded(seed)),
                new DMatrixRMaj(cell.stateSize(), 1));
    }

    @Test
    void stepJacobianMatchesFiniteDifferencesOfTheForwardMapForEveryCell() {
        for (CellKind kind : CellKind.values()) {
            RecurrentCell cell = cell(kind, 3, 4, 17);
            List<DMatrixRMaj> inputs = new ArrayList<>();
            RandomSource random = RandomSource.seeded(18);
            for (int t = 0; t < 5; t++) {
                inputs.add(org.rnngradients.linalg.RandomMatrices.gaussian(3, 1, random));
            }
            CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.of(inputs), new DMatrixRMaj(cell.stateSize(), 1));
            int n = trajectory.dimension();
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            for (int t = 0; t < 5; t++) {
                DMatrixRMaj previous = trajectory.state();
                DMatrixRMaj x = inputs.get(t);
                trajectory.advance(j);
                DMatrixRMaj numeric = FiniteDifferences.jacobian((s, out) -> {
                    cell.forward(s, x, cell.newCache(), out);
                }, previous, FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(n, n));
                assertTrue(FiniteDifferences.maxRelativeError(j, numeric, 1e-6) < 1e-6, kind + " step " + (t + 1));
            }
            assertEquals(5, trajectory.step());
        }
    }

    /**
     * The frame step (a batch-1 pass, W_hh resident, J_t·Q without J_t) against the Jacobian step times
     * the frame, over 20 steps of two trajectories driven alike: states and images agree to 1e-12
     * (relative above 1e-2, absolute below; the paths differ only in summation order).
     */
    @Test
    void frameStepEqualsStepJacobianTimesFrameForEveryCell() {
        for (CellKind kind : CellKind.values()) {
            for (int k : new int[] {1, 3, 8}) {
                frameStepEqualsStepJacobianTimesFrame(kind, k);
            }
        }
    }

    private static void frameStepEqualsStepJacobianTimesFrame(CellKind kind, int k) {
        RecurrentCell cell = cell(kind, 3, 8, 21);
        CellTrajectory byJacobian = driven(cell, 22);
        CellTrajectory byFrame = driven(cell, 22);
        int n = byJacobian.dimension();
        DMatrixRMaj frame = org.rnngradients.linalg.RandomMatrices.gaussian(n, k, RandomSource.seeded(23));
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        DMatrixRMaj image = new DMatrixRMaj(n, k);
        for (int t = 0; t < 20; t++) {
            byJacobian.advance(j);
            byFrame.advance(frame, image);
            DMatrixRMaj expected = org.ejml.dense.row.CommonOps_DDRM.mult(j, frame, null);
            assertTrue(FiniteDifferences.maxRelativeError(expected, image, 1e-2) <= 1e-12, kind + " k=" + k + " step " + t);
            assertTrue(FiniteDifferences.maxRelativeError(byJacobian.state(), byFrame.state(), 1e-2) <= 1e-12,
                    kind + " k=" + k + " state at step " + t);
        }
        assertEquals(20, byFrame.step());
    }

    /** At g = 3 the tanh network is chaotic: a trajectory that depended on k would leave the other within 100 steps. */
    @Test
    void theTrajectoryDoesNotDependOnHowManyDirectionsTheFrameFollows() {
        RecurrentCell cell = vanilla(CellKind.RNN_TANH, 64, Initialiser.scaledGaussian(3.0), 61);
        CellTrajectory one = driven(cell, 62);
        CellTrajectory all = driven(cell, 62);
        DMatrixRMaj thin = org.rnngradients.linalg.RandomMatrices.gaussian(64, 1, RandomSource.seeded(63));
        DMatrixRMaj wide = org.rnngradients.linalg.RandomMatrices.gaussian(64, 64, RandomSource.seeded(63));
        for (int t = 0; t < 200; t++) {
            one.advance(thin, new DMatrixRMaj(64, 1));
            all.advance(wide, new DMatrixRMaj(64, 64));
        }
        assertArrayEquals(one.state().data, all.state().data, 0.0, "s_200 with a frame of 1 and of 64 columns");
    }

    @Test
    void frameStepRejectsAnImageOfTheWrongShape() {
        CellTrajectory trajectory = CellTrajectory.autonomous(cell(CellKind.GRU, 2, 3, 1));
        assertMessage("image", () -> trajectory.advance(new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 1)));
        assertMessage("frame", () -> trajectory.advance(null, new DMatrixRMaj(3, 1)));
        assertEquals(0, trajectory.step(), "a rejected step does not advance");
    }

    @Test
    void lstmTrajectoryCarriesTheFullHiddenAndCellState() {
        assertEquals(12, CellTrajectory.autonomous(cell(CellKind.LSTM, 2, 6, 1)).dimension());
        assertEquals(6, CellTrajectory.autonomous(cell(CellKind.GRU, 2, 6, 1)).dimension());
    }

    @Test
    void linearRnnWithNormalRecurrenceHasExponentsLnAbsEigenvalues() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {0.9}, new double[] {1.05, 0.5, -0.2}, RandomSource.seeded(2));
        RecurrentCell cell = CellKind.RNN_IDENTITY.create(2, 5);
        cell.parameters().weightHh().setTo(w);
        double[] expected = {Math.log(1.05), Math.log(0.9), Math.log(0.9), Math.log(0.5), Math.log(0.2)};
        LyapunovResult result = new LyapunovSpectrum(5, 1000, 1000, 1).compute(driven(cell, 3));
        assertArrayEquals(expected, result.exponents(), 1e-9);
    }

    @Test
    void linearRnnCellProductStaysFiniteOverTenThousandStepsAtRhoOneAndAHalfAndOneHalf() {
        for (double rho : new double[] {1.5, 0.5}) {
            RecurrentCell cell = vanilla(CellKind.RNN_IDENTITY, 4, Initialiser.orthogonal(rho), 12);
            JacobianProduct product = JacobianProduct.record(CellTrajectory.autonomous(cell), 10_000);
            for (double logSigma : product.logSingularValues(0)) {
                assertEquals(10_000 * Math.log(rho), logSigma, 1e-12 * 10_000, "rho=" + rho);
            }
        }
    }

    @Test
    void linearRnnWithOrthogonalRecurrenceHasZeroExponents() {
        RecurrentCell cell = vanilla(CellKind.RNN_IDENTITY, 8, Initialiser.orthogonal(1.0), 4);
        assertArrayEquals(new double[8], new LyapunovSpectrum(8, 0, 500, 1).compute(driven(cell, 5)).exponents(), 1e-10);
    }

    @Test
    void sumOfExponentsEqualsAverageLogDeterminantForTanhGruAndLstm() {
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM}) {
            assertSumEqualsAverageLogDeterminant(() -> driven(cell(kind, 3, 6, 31), 32), 100, 2000);
        }
    }

    @Test
    void tanhRnnStepsStayBelowTheEffectiveScale() {
        RecurrentCell cell = vanilla(CellKind.RNN_TANH, 10, Initialiser.scaledGaussian(1.5), 6);
        double gamma = EffectiveScale.gamma(cell);
        StepSeries series = StepSeries.of(JacobianProduct.record(driven(cell, 7), 200));
        for (int t = 0; t < 200; t++) {
            assertTrue(series.spectralRadius()[t] <= series.spectralNorm()[t] * (1 + 1e-12));
            assertTrue(series.spectralNorm()[t] <= gamma * (1 + 1e-12));
        }
    }

    @Test
    void smallGainTanhNetworkVanishesAndLargeGainNetworkExplodes() {
        RecurrentCell small = vanilla(CellKind.RNN_TANH, 64, Initialiser.scaledGaussian(0.5), 8);
        RecurrentCell large = vanilla(CellKind.RNN_TANH, 64, Initialiser.scaledGaussian(3.0), 8);
        DMatrixRMaj start = new DMatrixRMaj(64, 1);
        Arrays.fill(start.data, 0.3);
        LyapunovSpectrum spectrum = new LyapunovSpectrum(1, 500, 2000, 1);
        LyapunovResult vanishing = spectrum.compute(new CellTrajectory(small,
                InputSequence.constant(new DMatrixRMaj(2, 1)), start));
        LyapunovResult exploding = spectrum.compute(new CellTrajectory(large,
                InputSequence.constant(new DMatrixRMaj(2, 1)), start));
        assertEquals(Regime.VANISHING, Regime.of(vanishing.largest()));
        assertEquals(Regime.EXPLODING, Regime.of(exploding.largest()));
    }

    @Test
    void lstmWithForgetGateNearOneDecaysSlowerThanTanhRnn() {
        RecurrentCell rnn = cell(CellKind.RNN_TANH, 2, 16, 40);
        org.rnngradients.cells.LstmCell lstm = (org.rnngradients.cells.LstmCell) cell(CellKind.LSTM, 2, 16, 40);
        lstm.setForgetGateBias(5.0);
        double rnnRate = new LyapunovSpectrum(1, 200, 2000, 1).compute(driven(rnn, 41)).largest();
        double lstmRate = new LyapunovSpectrum(1, 200, 2000, 1).compute(driven(lstm, 41)).largest();
        assertTrue(lstmRate > rnnRate, "LSTM " + lstmRate + " vs RNN " + rnnRate);
        assertTrue(lstmRate > -0.02, "LSTM largest exponent " + lstmRate);
    }

    @Test
    void reluNetworkWithDeadUnitsLosesDirectionsInsteadOfFailing() {
        RecurrentCell irnn = CellKind.RNN_RELU.create(2, 6);
        Cells.initialise(irnn, Initialiser.identity(1.0), Initialiser.uniform(1.0), RandomSource.seeded(50));
        LyapunovResult result = new LyapunovSpectrum(6, 0, 400, 1).compute(driven(irnn, 51));
        double[] lambda = result.exponents();
        assertEquals(Double.NEGATIVE_INFINITY, lambda[5], "a unit that is ever switched off loses its direction");
        for (double l : lambda) {
            assertTrue(l <= 1e-12, "a product of diagonal 0/1 matrices never grows: " + l);
        }
        assertEquals(Regime.VANISHING, Regime.of(result.largest()));
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        RecurrentCell cell = cell(CellKind.RNN_TANH, 2, 3, 1);
        assertMessage("cell", () -> new CellTrajectory(null, InputSequence.constant(new DMatrixRMaj(2, 1)), new DMatrixRMaj(3, 1)));
        assertMessage("inputs", () -> new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(5, 1)), new DMatrixRMaj(3, 1)));
        assertMessage("initialState", () -> new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(2, 1)), new DMatrixRMaj(4, 1)));
        cell.parameters().weightHh().set(0, 0, Double.NaN);
        assertMessage("cell.parameters", () -> CellTrajectory.autonomous(cell));
        assertMessage("cell", () -> EffectiveScale.gamma(cell(CellKind.GRU, 2, 3, 1)));
        assertMessage("std", () -> InputSequence.gaussian(2, Double.NaN, RandomSource.seeded(1)));
    }
}
