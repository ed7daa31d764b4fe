package org.rnngradients.analysis.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** The benchmark's frame source follows the cell's trajectory and its Jacobians. */
class TanhFrameSourceTest {
    @Test
    void framesAndJacobiansMatchTheCellTrajectoryStepByStep() {
        RecurrentCell cell = CellKind.RNN_TANH.create(4, 40);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.5), Initialiser.xavierUniform(1.0), RandomSource.seeded(1));
        CellTrajectory reference = new CellTrajectory(cell, InputSequence.gaussian(4, 1.0, RandomSource.seeded(2)),
                new DMatrixRMaj(40, 1));
        TanhFrameSource formed = new TanhFrameSource(cell.parameters(), InputSequence.gaussian(4, 1.0, RandomSource.seeded(2)));
        TanhFrameSource framed = new TanhFrameSource(cell.parameters(), InputSequence.gaussian(4, 1.0, RandomSource.seeded(2)));
        DMatrixRMaj expected = new DMatrixRMaj(40, 40);
        DMatrixRMaj actual = new DMatrixRMaj(40, 40);
        DMatrixRMaj q = RandomMatrices.orthogonal(new DMatrixRMaj(40, 5), RandomSource.seeded(3));
        DMatrixRMaj image = new DMatrixRMaj(40, 5);
        for (int t = 0; t < 20; t++) {
            reference.advance(expected);
            formed.advance(actual);
            framed.advance(q, image);
            // Same sums in other orders: entries agree to a few ulps of the O(1) pre-activations.
            assertArrayEquals(expected.data, actual.data, 1e-12, "J at step " + (t + 1));
            assertArrayEquals(MatrixProducts.mult(expected, q, null).data, image.data, 1e-12, "J·Q at step " + (t + 1));
        }
    }
}
