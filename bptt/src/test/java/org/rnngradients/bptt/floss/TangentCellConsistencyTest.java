package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.RandomSource;

/**
 * The tangent cells are written from the equations, apart from the cells; these tests tie them to
 * the project's cells so the two cannot drift: along a 30-step trajectory the states agree with
 * {@code RecurrentCell.forward} and J_t (the tangent of the identity frame) with {@code stateJacobian}
 * to 1e-13 (both compute the same sums, possibly in a different order: a few ulps of O(1) values).
 */
class TangentCellConsistencyTest {
    private static final double TOLERANCE = 1e-13;

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void statesAndStepJacobiansEqualTheCells(CellKind kind) {
        RecurrentCell cell = FlossFixtures.cell(kind, 3, 5, 1.5, 41);
        TangentCell tangent = TangentCell.of(cell);
        int n = cell.stateSize();
        TangentStep step = tangent.newStep(n);
        StepCache cache = cell.newCache();
        DMatrixRMaj s = FlossFixtures.vector(n, 0.8, RandomSource.seeded(42));
        DMatrixRMaj viaCell = new DMatrixRMaj(n, 1);
        DMatrixRMaj viaTangent = new DMatrixRMaj(n, 1);
        DMatrixRMaj identity = CommonOps_DDRM.identity(n);
        DMatrixRMaj jCell = new DMatrixRMaj(n, n);
        DMatrixRMaj jTangent = new DMatrixRMaj(n, n);
        double worstState = 0;
        double worstJacobian = 0;
        for (DMatrixRMaj x : FlossFixtures.inputs(30, 3, 43)) {
            cell.forward(s, x, cache, viaCell);
            cell.stateJacobian(cache, jCell);
            tangent.forward(step, s, x, viaTangent);
            tangent.tangent(step, identity, jTangent);
            worstState = Math.max(worstState, FlossFixtures.maxAbsDifference(viaCell, viaTangent));
            worstJacobian = Math.max(worstJacobian, FlossFixtures.maxAbsDifference(jCell, jTangent));
            s.setTo(viaCell);
        }
        assertTrue(worstState <= TOLERANCE, kind + " states differ by " + worstState);
        assertTrue(worstJacobian <= TOLERANCE, kind + " step Jacobians differ by " + worstJacobian);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void theTangentOfAFrameIsTheJacobianTimesTheFrame(CellKind kind) {
        RecurrentCell cell = FlossFixtures.cell(kind, 2, 4, 1.5, 44);
        TangentCell tangent = TangentCell.of(cell);
        int n = cell.stateSize();
        int k = Math.max(1, n - 2);
        StepCache cache = cell.newCache();
        TangentStep step = tangent.newStep(k);
        DMatrixRMaj s = FlossFixtures.vector(n, 0.8, RandomSource.seeded(45));
        DMatrixRMaj x = FlossFixtures.vector(2, 1.0, RandomSource.seeded(46));
        DMatrixRMaj q = FlossFixtures.gaussian(n, k, RandomSource.seeded(47));
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        DMatrixRMaj expected = new DMatrixRMaj(n, k);
        DMatrixRMaj image = new DMatrixRMaj(n, k);
        cell.forward(s, x, cache, new DMatrixRMaj(n, 1));
        cell.stateJacobian(cache, j);
        CommonOps_DDRM.mult(j, q, expected);
        tangent.forward(step, s, x, new DMatrixRMaj(n, 1));
        tangent.tangent(step, q, image);
        assertTrue(FlossFixtures.maxAbsDifference(expected, image) <= TOLERANCE,
                kind + ": Y differs from J Q by " + FlossFixtures.maxAbsDifference(expected, image));
    }

    @Test
    void badArgumentsAreNamed() {
        RecurrentCell cell = FlossFixtures.cell(CellKind.GRU, 2, 3, 1.0, 48);
        TangentCell tangent = TangentCell.of(cell);
        assertEquals("directions must be in [1, 3], was 4",
                assertThrows(IllegalArgumentException.class, () -> tangent.newStep(4)).getMessage());
        TangentStep step = tangent.newStep(2);
        DMatrixRMaj s = new DMatrixRMaj(3, 1);
        assertEquals("input must be 2x1, was 3x1", assertThrows(IllegalArgumentException.class,
                () -> tangent.forward(step, s, new DMatrixRMaj(3, 1), new DMatrixRMaj(3, 1))).getMessage());
        assertEquals("state must not be the same object as previous", assertThrows(IllegalArgumentException.class,
                () -> tangent.forward(step, s, new DMatrixRMaj(2, 1), s)).getMessage());
        TangentStep foreign = TangentCell.of(FlossFixtures.cell(CellKind.GRU, 2, 3, 1.0, 49)).newStep(2);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> tangent.forward(foreign, s, new DMatrixRMaj(2, 1), new DMatrixRMaj(3, 1))).getMessage()
                .startsWith("step must come from this cell's newStep()"));
        assertEquals("frame must be 3x2, was 3x3", assertThrows(IllegalArgumentException.class,
                () -> tangent.tangent(step, new DMatrixRMaj(3, 3), new DMatrixRMaj(3, 2))).getMessage());
        assertEquals("cell must not be null",
                assertThrows(IllegalArgumentException.class, () -> TangentCell.of(null)).getMessage());
    }
}
