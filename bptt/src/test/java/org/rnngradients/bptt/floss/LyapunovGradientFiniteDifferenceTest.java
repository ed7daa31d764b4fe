package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * The hand-derived gradient of F = Σλ_i and F = Σλ_i² through the QR method, against central finite
 * differences of F computed by the forward pass alone: every parameter of vanilla (tanh, sigmoid,
 * identity), GRU and LSTM cells, k = 1, 2 and n, T = 20 steps driven by Gaussian inputs from a
 * random s_0, with and without warm-up steps.
 *
 * <p>Tolerance. F is a smooth function of θ while every R_ii &gt; 0 (here all are far from 0). The
 * plain central difference is not accurate enough for the full spectrum (k = n): its weakest
 * directions make F's third derivatives large, so the h² truncation error dominates for h ≥ 1e-5
 * and rounding (ε·|F|/h) for smaller h; the best plain step leaves ~3e-6 for the LSTM. The oracle is
 * therefore Richardson's extrapolation (4·D(h/2) − D(h))/3 of the central difference D with
 * h = 1e-4 (O(h⁴) truncation, rounding ~1e-11); the measured worst error is 5e-8 (printed). The test
 * requires a relative error below 1e-6, absolute below 1e-3 (entries that barely affect F), so a
 * wrong term, whose effect is O(1) relative, cannot pass.
 */
class LyapunovGradientFiniteDifferenceTest {
    private static final int LENGTH = 20;
    private static final double H = 1e-4;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-3;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.RNN_SIGMOID, CellKind.RNN_IDENTITY,
            CellKind.GRU, CellKind.LSTM}) {
            int n = kind == CellKind.LSTM ? 8 : 4;
            for (int k : new int[] {1, 2, n}) {
                for (ExponentObjective objective : ExponentObjective.values()) {
                    cases.add(Arguments.of(kind, k, objective, k == 2 ? 5 : 0));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} k={1} {2} warm-up {3}")
    @MethodSource("cases")
    void theGradientOfTheExponentsEqualsFiniteDifferences(CellKind kind, int k, ExponentObjective objective,
                                                          int warmUp) {
        RecurrentCell cell = FlossFixtures.cell(kind, 2, 4, gain(kind), 71);
        LyapunovGradient engine = new LyapunovGradient(cell, k, LENGTH, warmUp, 72);
        DMatrixRMaj s0 = FlossFixtures.vector(cell.stateSize(), 0.5, RandomSource.seeded(73));
        DMatrixRMaj[] inputs = FlossFixtures.inputs(LENGTH, 2, 74);
        CellParameters analytic = cell.parameters().zerosLike();
        engine.gradient(objective, s0, inputs, 1.0, analytic);
        double[] lambda = new double[k];
        double worst = 0;
        for (String name : analytic.names()) {
            DMatrixRMaj theta = cell.parameters().get(name);
            DMatrixRMaj numeric = richardson(m -> {
                engine.exponents(s0, inputs, lambda);
                return objective.value(lambda);
            }, theta);
            worst = Math.max(worst, FiniteDifferences.maxRelativeError(analytic.get(name), numeric, FLOOR));
        }
        System.out.printf("%-12s k=%d %-14s warm-up %d: worst relative error %.2e%n", kind.cliName(), k, objective,
                warmUp, worst);
        assertTrue(worst < TOLERANCE, kind + " k=" + k + " " + objective + ": worst relative error " + worst);
    }

    /**
     * (4·D(h/2) − D(h))/3 for the central difference D: the h² terms cancel, leaving O(h⁴) truncation,
     * which matters where the weakest of the k directions makes F's third derivatives large.
     */
    static DMatrixRMaj richardson(java.util.function.ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x) {
        DMatrixRMaj coarse = FiniteDifferences.gradient(f, x, H, new DMatrixRMaj(x.numRows, x.numCols));
        DMatrixRMaj fine = FiniteDifferences.gradient(f, x, H / 2, new DMatrixRMaj(x.numRows, x.numCols));
        for (int i = 0; i < fine.getNumElements(); i++) {
            fine.data[i] = (4 * fine.data[i] - coarse.data[i]) / 3;
        }
        return fine;
    }

    /** W_hh gains that keep each cell away from both saturation and trivial contraction. */
    private static double gain(CellKind kind) {
        return switch (kind) {
            case RNN_SIGMOID -> 4.0;
            case RNN_IDENTITY -> 1.2;
            case LSTM, GRU -> 2.0;
            default -> 1.5;
        };
    }
}
