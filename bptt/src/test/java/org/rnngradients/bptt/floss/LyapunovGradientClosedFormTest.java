package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** The exponents and their gradient against closed forms of linear maps, and the sum rule for a tanh RNN. */
class LyapunovGradientClosedFormTest {
    private static final int N = 5;

    /** A linear RNN h_t = W h_{t−1} + W_ih x_t + b (identity activation) with the given W and random input weights. */
    private static RecurrentCell linear(DMatrixRMaj w, long seed) {
        RecurrentCell cell = new VanillaRnnCell(2, w.numRows, Activation.IDENTITY);
        cell.parameters().weightHh().setTo(w);
        RandomMatrices.gaussian(cell.parameters().weightIh(), 1.0, RandomSource.seeded(seed).fork("w_ih"));
        RandomMatrices.gaussian(cell.parameters().biasIh(), 1.0, RandomSource.seeded(seed).fork("b_ih"));
        return cell;
    }

    private static DMatrixRMaj orthogonal(int n, long seed) {
        return RandomMatrices.orthogonal(new DMatrixRMaj(n, n), RandomSource.seeded(seed));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, N})
    void aScaledOrthogonalMapHasEveryExponentLnRhoAndDerivativeOneOverRho(int k) {
        double rho = 0.8;
        DMatrixRMaj o = orthogonal(N, 81);
        DMatrixRMaj w = o.copy();
        CommonOps_DDRM.scale(rho, w);
        RecurrentCell cell = linear(w, 82);
        LyapunovGradient engine = new LyapunovGradient(cell, k, 30, 0, 83);
        DMatrixRMaj s0 = new DMatrixRMaj(N, 1);
        DMatrixRMaj[] inputs = FlossFixtures.inputs(30, 2, 84);
        CellParameters sum = cell.parameters().zerosLike();
        CellParameters squares = cell.parameters().zerosLike();
        engine.gradient(ExponentObjective.SUM, s0, inputs, 1.0, sum);
        for (double lambda : engine.lastExponents()) {
            assertEquals(Math.log(rho), lambda, 1e-14);                  // Y_t = ρ O Q: R_t = ρ I exactly
        }
        engine.gradient(ExponentObjective.SUM_OF_SQUARES, s0, inputs, 1.0, squares);
        // along W = ρO, dλ_i/dρ = 1/ρ: ⟨∇_W Σλ, O⟩ = k/ρ and ⟨∇_W Σλ², O⟩ = 2k ln ρ / ρ
        assertEquals(k / rho, inner(sum.weightHh(), o), 1e-13);
        assertEquals(2 * k * Math.log(rho) / rho, inner(squares.weightHh(), o), 1e-13);
        for (DMatrixRMaj g : new DMatrixRMaj[] {sum.weightIh(), sum.biasIh(), sum.biasHh()}) {
            assertEquals(0, CommonOps_DDRM.elementMaxAbs(g), 0.0, "J does not depend on the input side");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 40})
    void theSumOfAllExponentsOfALinearMapIsLnDetAndItsGradientTheInverseTranspose(int steps) {
        // Σ_{i ≤ n} λ_i = ln|det W| for every T, so ∇_W Σλ = W⁻ᵀ exactly (any invertible W).
        DMatrixRMaj w = FlossFixtures.gaussian(N, N, RandomSource.seeded(85));
        CommonOps_DDRM.scale(1 / Math.sqrt(N), w);
        RecurrentCell cell = linear(w, 86);
        LyapunovGradient engine = new LyapunovGradient(cell, N, steps, 0, 87);
        CellParameters g = cell.parameters().zerosLike();
        double sum = engine.gradient(ExponentObjective.SUM, new DMatrixRMaj(N, 1), FlossFixtures.inputs(steps, 2, 88),
                1.0, g);
        assertEquals(Math.log(Math.abs(CommonOps_DDRM.det(w))), sum, 1e-13);
        DMatrixRMaj inverse = w.copy();
        CommonOps_DDRM.invert(inverse);
        DMatrixRMaj inverseTranspose = CommonOps_DDRM.transpose(inverse, null);
        double scale = CommonOps_DDRM.elementMaxAbs(inverseTranspose);
        assertTrue(FlossFixtures.maxAbsDifference(inverseTranspose, g.weightHh()) < 1e-12 * scale,
                "∇_W Σλ differs from W⁻ᵀ by " + FlossFixtures.maxAbsDifference(inverseTranspose, g.weightHh()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ExponentObjective.class)
    void forASymmetricMapTheGradientConvergesToTheEigenvectorFormulaAtRateOneOverT(ExponentObjective objective) {
        // W = V diag(μ) Vᵀ: λ_i → ln|μ_i| and ∇_W λ_i → v_i v_iᵀ / μ_i (dμ_i = v_iᵀ dW v_i); the
        // finite-T estimate carries a constant from the initial frame, so its error falls like 1/T.
        double[] mu = {1.1, -0.9, 0.7, 0.5, 0.3};
        DMatrixRMaj v = orthogonal(N, 89);
        DMatrixRMaj w = new DMatrixRMaj(N, N);
        DMatrixRMaj expected = new DMatrixRMaj(N, N);
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < N; a++) {
                for (int b = 0; b < N; b++) {
                    double outer = v.get(a, i) * v.get(b, i);
                    w.add(a, b, mu[i] * outer);
                    if (i < 2) {
                        expected.add(a, b, objective.derivative(Math.log(Math.abs(mu[i]))) * outer / mu[i]);
                    }
                }
            }
        }
        double scale = CommonOps_DDRM.elementMaxAbs(expected);
        double previous = Double.POSITIVE_INFINITY;
        for (int steps : new int[] {100, 400, 1600}) {
            double error = symmetricGradientError(w, expected, steps, objective) / scale;
            System.out.printf(objective + ", symmetric W, T = %d: relative gradient error %.2e (T·error %.2f)%n", steps, error, steps * error);
            if (previous < Double.POSITIVE_INFINITY) {     // 4× the horizon, a quarter of the error (±10 %)
                double ratio = previous / error;
                assertTrue(ratio > 3.6 && ratio < 4.4, "T = " + steps + ": error fell by " + ratio + ", not 4");
            }
            previous = error;
        }
        assertTrue(previous < 1e-2, "relative error at T = 1600: " + previous);
    }

    private static double symmetricGradientError(DMatrixRMaj w, DMatrixRMaj expected, int steps,
                                                 ExponentObjective objective) {
        RecurrentCell cell = linear(w, 90);
        LyapunovGradient engine = new LyapunovGradient(cell, 2, steps, 0, 91);
        CellParameters g = cell.parameters().zerosLike();
        engine.gradient(objective, new DMatrixRMaj(N, 1), FlossFixtures.inputs(steps, 2, 92),
                1.0, g);
        return FlossFixtures.maxAbsDifference(expected, g.weightHh());
    }

    @Test
    void theSumOfAllExponentsOfATanhRnnIsTheMeanLogDeterminantOfItsStepJacobians() {
        RecurrentCell cell = FlossFixtures.cell(CellKind.RNN_TANH, 2, N, 2.0, 93);
        int steps = 60;
        int warmUp = 10;
        DMatrixRMaj[] inputs = FlossFixtures.inputs(steps, 2, 94);
        double[] lambda = new double[N];
        new LyapunovGradient(cell, N, steps, warmUp, 95).exponents(new DMatrixRMaj(N, 1), inputs, lambda);
        StepCache cache = cell.newCache();
        DMatrixRMaj s = new DMatrixRMaj(N, 1);
        DMatrixRMaj next = new DMatrixRMaj(N, 1);
        DMatrixRMaj j = new DMatrixRMaj(N, N);
        double logDet = 0;
        for (int t = 1; t <= steps; t++) {
            cell.forward(s, inputs[t - 1], cache, next);
            cell.stateJacobian(cache, j);
            if (t > warmUp) {
                logDet += Math.log(Math.abs(CommonOps_DDRM.det(j)));
            }
            s.setTo(next);
        }
        double sum = 0;
        for (double l : lambda) {
            sum += l;
        }
        assertEquals(logDet / (steps - warmUp), sum, 1e-12);
    }

    private static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            s += a.data[k] * b.data[k];
        }
        return s;
    }
}
