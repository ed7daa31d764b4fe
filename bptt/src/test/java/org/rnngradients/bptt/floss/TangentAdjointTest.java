package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * One step's adjoint against central finite differences of the scalar
 * g(s, Q, θ) = σᵀ f(s, x; θ) + ⟨Ȳ, J(s, x; θ) Q⟩ that it differentiates: ∂g/∂s must be the
 * {@code previousStateAdjoint}, ∂g/∂Q the {@code frameAdjoint} and ∂g/∂θ the gradients. This isolates
 * the second derivatives of each cell. g is O(1) and smooth, so with h = 1e-5 the central difference
 * is good to about 1e-10 (truncation h², rounding ε·Σ|terms|/h); the tolerance is a relative error of 1e-7
 * that turns absolute below 1e-3.
 */
class TangentAdjointTest {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-7;
    private static final double FLOOR = 1e-3;

    /** Everything g needs, held so finite differences can perturb s, Q or θ in place. */
    private static final class Setting {
        final RecurrentCell cell;
        final TangentCell tangent;
        final TangentStep step;
        final DMatrixRMaj s;
        final DMatrixRMaj x;
        final DMatrixRMaj q;
        final DMatrixRMaj sigma;
        final DMatrixRMaj yBar;
        final DMatrixRMaj next;
        final DMatrixRMaj image;

        Setting(CellKind kind, long seed) {
            cell = FlossFixtures.cell(kind, 2, 4, 1.7, seed);
            tangent = TangentCell.of(cell);
            int n = cell.stateSize();
            int k = Math.min(3, n);
            RandomSource random = RandomSource.seeded(seed + 1);
            step = tangent.newStep(k);
            s = FlossFixtures.vector(n, 0.9, random.fork("s"));
            x = FlossFixtures.vector(2, 1.0, random.fork("x"));
            q = FlossFixtures.gaussian(n, k, random.fork("q"));
            sigma = FlossFixtures.gaussian(n, 1, random.fork("sigma"));
            yBar = FlossFixtures.gaussian(n, k, random.fork("yBar"));
            next = new DMatrixRMaj(n, 1);
            image = new DMatrixRMaj(n, k);
        }

        double g() {
            tangent.forward(step, s, x, next);
            tangent.tangent(step, q, image);
            double v = 0;
            for (int i = 0; i < next.numRows; i++) {
                v += sigma.data[i] * next.data[i];
            }
            for (int i = 0; i < image.getNumElements(); i++) {
                v += yBar.data[i] * image.data[i];
            }
            return v;
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "RNN_SIGMOID", "RNN_IDENTITY", "GRU", "LSTM"})
    void theAdjointOfAStepEqualsFiniteDifferences(CellKind kind) {
        Setting a = new Setting(kind, 61);
        a.g();
        DMatrixRMaj sBar = new DMatrixRMaj(a.s.numRows, 1);
        DMatrixRMaj qBar = new DMatrixRMaj(a.q.numRows, a.q.numCols);
        CellParameters gradients = a.cell.parameters().zerosLike();
        a.tangent.adjoint(a.step, a.q, a.sigma, a.yBar, sBar, qBar, gradients);
        double worst = error(sBar, m -> a.g(), a.s);
        worst = Math.max(worst, error(qBar, m -> a.g(), a.q));
        for (String name : gradients.names()) {
            worst = Math.max(worst, error(gradients.get(name), m -> a.g(), a.cell.parameters().get(name)));
        }
        System.out.printf("%-13s step adjoint: worst relative error %.2e%n", kind.cliName(), worst);
        assertTrue(worst < TOLERANCE, kind + ": worst relative error " + worst);
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
    void theFrameAdjointIsTheTransposedJacobianTimesTheImageAdjoint(CellKind kind) {
        Setting a = new Setting(kind, 62);
        a.g();
        int n = a.s.numRows;
        DMatrixRMaj qBar = new DMatrixRMaj(n, a.q.numCols);
        a.tangent.adjoint(a.step, a.q, a.sigma, a.yBar, new DMatrixRMaj(n, 1), qBar, a.cell.parameters().zerosLike());
        TangentStep full = a.tangent.newStep(n);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        a.tangent.forward(full, a.s, a.x, a.next);
        a.tangent.tangent(full, org.ejml.dense.row.CommonOps_DDRM.identity(n), j);
        DMatrixRMaj expected = new DMatrixRMaj(n, a.q.numCols);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(j, a.yBar, expected);
        assertTrue(FlossFixtures.maxAbsDifference(expected, qBar) < 1e-13, kind + ": Q̄ differs from JᵀȲ");
    }

    private static double error(DMatrixRMaj analytic, ToDoubleFunction<DMatrixRMaj> g, DMatrixRMaj at) {
        DMatrixRMaj numeric = FiniteDifferences.gradient(g, at, H, new DMatrixRMaj(at.numRows, at.numCols));
        return FiniteDifferences.maxRelativeError(analytic, numeric, FLOOR);
    }
}
