package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * Every analytic derivative of every cell against central finite differences (h = 1e-6, double
 * precision).
 *
 * <p>Metric: max over entries of |a − b| / max(|a|, |b|, floor) with floor = 1e-2 and tolerance
 * 1e-7, i.e. relative error ≤ 1e-7 for entries above 1e-2 and absolute error ≤ 1e-9 below. Why the
 * floor is not smaller: a central difference of an order-one function carries a rounding error near
 * ε·|f|/h ≈ 2e-16/1e-6 ≈ 1e-10 whatever the size of the derivative (measured here: at most 3e-10,
 * printed per case), so a relative test on entries of order 1e-3 would measure rounding, not the
 * derivative. Truncation error, h²·f‴/6 ≈ 1e-12, is smaller still.
 */
class FiniteDifferenceTest {
    static final double H = FiniteDifferences.DEFAULT_STEP;
    static final double FLOOR = 1e-2;
    static final double TOLERANCE = 1e-7;
    static final int INPUT = 3;
    static final int HIDDEN = 5;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    private static CellFixture fixture(CellKind kind) {
        CellFixture f = new CellFixture(kind.create(INPUT, HIDDEN), 0.8, RandomSource.seeded(20261122L).fork(kind.cliName()));
        if (kind == CellKind.RNN_RELU) {
            // a difference step must not cross the kink at z = 0; |Δz| ≤ h·(|x| + |h|) ≪ 1e-3
            assertTrue(f.smallestAbsolutePreActivation() > 1e-3, "ReLU pre-activations too close to 0");
        }
        return f;
    }

    private static void assertClose(DMatrixRMaj analytic, DMatrixRMaj numeric, String what, CellKind kind) {
        double e = FiniteDifferences.maxRelativeError(analytic, numeric, FLOOR);
        double absolute = 0;
        double at = 0;
        for (int k = 0; k < analytic.getNumElements(); k++) {
            double d = Math.abs(analytic.data[k] - numeric.data[k]);
            if (d > absolute) {
                absolute = d;
                at = analytic.data[k];
            }
        }
        System.out.printf("%-12s %-24s max relative error %.3e, max absolute %.3e (at an entry %.3e)%n",
                kind.cliName(), what, e, absolute, at);
        assertTrue(e <= TOLERANCE, kind + " " + what + ": max relative error " + e);
    }

    /** Compares {@code analytic} with the central-difference Jacobian of {@code step} at a copy of {@code at}. */
    private static void assertJacobianMatches(DMatrixRMaj analytic, BiConsumer<DMatrixRMaj, DMatrixRMaj> step,
                                              DMatrixRMaj at, String what, CellKind kind) {
        DMatrixRMaj numeric = new DMatrixRMaj(analytic.numRows, analytic.numCols);
        FiniteDifferences.jacobian(step, at.copy(), H, numeric);
        assertClose(analytic, numeric, what, kind);
    }

    /** Compares {@code analytic} with the central-difference gradient of vᵀ s_t with respect to {@code x}. */
    private static void assertGradientMatches(CellFixture f, DMatrixRMaj v, DMatrixRMaj analytic, DMatrixRMaj x,
                                              String what, CellKind kind) {
        DMatrixRMaj numeric = new DMatrixRMaj(x.numRows, x.numCols);
        FiniteDifferences.gradient(ignored -> f.projectedState(v), x, H, numeric);
        assertClose(analytic, numeric, what, kind);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stateJacobianMatchesCentralDifferences(CellKind kind) {
        CellFixture f = fixture(kind);
        DMatrixRMaj analytic = new DMatrixRMaj(f.cell.stateSize(), f.cell.stateSize());
        f.cell.stateJacobian(f.cache, analytic);
        assertJacobianMatches(analytic, (s, out) -> f.cell.forward(s, f.input, f.cell.newCache(), out),
                f.previous, "state Jacobian", kind);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void inputJacobianMatchesCentralDifferences(CellKind kind) {
        CellFixture f = fixture(kind);
        DMatrixRMaj analytic = new DMatrixRMaj(f.cell.stateSize(), INPUT);
        f.cell.inputJacobian(f.cache, analytic);
        assertJacobianMatches(analytic, (x, out) -> f.cell.forward(f.previous, x, f.cell.newCache(), out),
                f.input, "input Jacobian", kind);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void backwardGivesEveryGradientOfAProjectedState(CellKind kind) {
        CellFixture f = fixture(kind);
        DMatrixRMaj v = CellFixture.randomVector(f.cell.stateSize(), RandomSource.seeded(7).fork(kind.cliName()));
        DMatrixRMaj previousAdjoint = new DMatrixRMaj(f.cell.stateSize(), 1);
        DMatrixRMaj inputAdjoint = new DMatrixRMaj(INPUT, 1);
        CellParameters gradients = f.cell.parameters().zerosLike();
        f.cell.backward(f.cache, v, previousAdjoint, inputAdjoint, gradients);

        assertGradientMatches(f, v, previousAdjoint, f.previous, "previous adjoint", kind);
        assertGradientMatches(f, v, inputAdjoint, f.input, "input adjoint", kind);
        for (String name : gradients.names()) {
            assertGradientMatches(f, v, gradients.get(name), f.cell.parameters().get(name), "gradient " + name, kind);
        }
    }
}
