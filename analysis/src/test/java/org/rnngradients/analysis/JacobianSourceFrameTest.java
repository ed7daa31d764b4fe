package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;

import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** The frame step advance(frame, image) = J_t·frame: the default through the formed J_t, and the overrides. */
class JacobianSourceFrameTest {
    /** |entries| ≤ 1 in J and the frame: two ways of summing n products differ by at most 2(n + 1)u·n. */
    private static double tolerance(int n) {
        return 2.0 * (n + 1) * n * Math.ulp(1.0) / 2;
    }

    /** Steps two identical sources side by side: one formed J_t times the frame, one the frame method. */
    private static void assertFrameStepIsJacobianTimesFrame(Supplier<JacobianSource> sources, int k, double tol) {
        JacobianSource formed = sources.get();
        JacobianSource framed = sources.get();
        int n = formed.dimension();
        DMatrixRMaj frame = RandomMatrices.orthogonal(new DMatrixRMaj(n, k), RandomSource.seeded(n + k));
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        DMatrixRMaj image = new DMatrixRMaj(n, k);
        for (int t = 0; t < 5; t++) {
            formed.advance(j);
            DMatrixRMaj expected = MatrixProducts.mult(j, frame, null);
            DMatrixRMaj before = frame.copy();
            framed.advance(frame, image);
            assertArrayEquals(before.data, frame.data, 0, "the frame is not modified");
            assertArrayEquals(expected.data, image.data, tol, "step " + (t + 1));
        }
    }

    @Test
    void theDefaultFormsTheJacobianAndMultipliesTheFrame() {
        assertFrameStepIsJacobianTimesFrame(HenonMap::classical, 2, 0);
    }

    /**
     * CellTrajectory overrides the frame step with the cell's Jacobian–matrix product (W_hh·Q, then gate-wise row
     * combinations), which sums the same terms in another order than J formed and multiplied: for a GRU with
     * |W| ≤ 1/√6 and three gate terms per entry the two agree to a few ulps of 1, bounded here by 1e-14.
     */
    @Test
    void aCellTrajectoryStepsItsFrameWithoutFormingTheJacobian() {
        RecurrentCell gru = CellKind.GRU.create(3, 6);
        Cells.initialisePyTorchDefault(gru, RandomSource.seeded(4));
        assertFrameStepIsJacobianTimesFrame(() -> new CellTrajectory(gru,
                InputSequence.gaussian(3, 1.0, RandomSource.seeded(5)), new DMatrixRMaj(6, 1)), 3, 1e-14);
    }

    @Test
    void aLinearMapAppliesItsResidentMatrix() {
        DMatrixRMaj a = RandomMatrices.uniform(new DMatrixRMaj(40, 40), 1, RandomSource.seeded(6));
        assertFrameStepIsJacobianTimesFrame(() -> new LinearMap(a), 7, tolerance(40));
        assertFrameStepIsJacobianTimesFrame(() -> new LinearMap(a), 40, tolerance(40));
    }

    @Test
    void aSequenceAppliesItsNextJacobianWithoutCopyingIt() {
        DMatrixRMaj j1 = CommonOps_DDRM.diag(2, 3);
        DMatrixRMaj j2 = new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}});
        assertFrameStepIsJacobianTimesFrame(() -> JacobianSequence.of(java.util.List.of(j1, j2)), 2, 0);
    }

    @Test
    void theFrameStepAdvancesTheSource() {
        HenonMap map = HenonMap.classical();
        DMatrixRMaj frame = CommonOps_DDRM.identity(2);
        map.advance(frame, new DMatrixRMaj(2, 2));
        assertEquals(1, map.x(), 0);
        map.advance(frame, new DMatrixRMaj(2, 2));
        assertNotEquals(1, map.x());
    }

    @Test
    void badFramesAreRefusedNamingTheArgument() {
        for (JacobianSource source : new JacobianSource[] {HenonMap.classical(), new LinearMap(CommonOps_DDRM.identity(2)),
            JacobianSequence.of(java.util.List.of(CommonOps_DDRM.identity(2)))}) {
            assertMessage("frame must not be null", () -> source.advance(null, new DMatrixRMaj(2, 1)));
            assertMessage("frame must be 2 x k with k >= 1, was 3x1", () -> source.advance(new DMatrixRMaj(3, 1), new DMatrixRMaj(3, 1)));
            assertMessage("frame must be 2 x k with k >= 1, was 2x0", () -> source.advance(new DMatrixRMaj(2, 0), new DMatrixRMaj(2, 0)));
            assertMessage("image must be 2x2, was 2x1", () -> source.advance(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 1)));
            assertMessage("image must not be null", () -> source.advance(new DMatrixRMaj(2, 2), null));
            DMatrixRMaj same = new DMatrixRMaj(2, 2);
            assertMessage("image must not share its storage with frame", () -> source.advance(same, same));
        }
    }
}
