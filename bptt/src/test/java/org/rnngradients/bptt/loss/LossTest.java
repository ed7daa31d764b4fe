package org.rnngradients.bptt.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.FiniteDifferences;

class LossTest {

    private static DMatrixRMaj col(double... v) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        System.arraycopy(v, 0, m.data, 0, v.length);
        return m;
    }

    @Test
    void mseOfAScalarIsTheSquaredError() {
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        assertEquals(0.25, new MeanSquaredError().gradient(col(1.5), col(1), g));
        assertEquals(1.0, g.data[0]);
    }

    @Test
    void crossEntropyOfUniformLogitsIsLogOfTheClassCount() {
        assertEquals(Math.log(4), new SoftmaxCrossEntropy().value(col(3, 3, 3, 3), col(0, 1, 0, 0)), 1e-15);
    }

    @Test
    void crossEntropyStaysFiniteForHugeLogits() {
        DMatrixRMaj g = new DMatrixRMaj(3, 1);
        double loss = new SoftmaxCrossEntropy().gradient(col(1000, -1000, 0), col(0, 1, 0), g);
        assertEquals(2000, loss, 1e-12);
        assertArrayEquals(new double[] {1, -1, 0}, g.data, 1e-15);
    }

    @Test
    void lossGradientsEqualCentralDifferences() {
        Loss[] losses = {new MeanSquaredError(), new SoftmaxCrossEntropy()};
        DMatrixRMaj target = col(0.2, 0.5, 0.3);
        for (Loss loss : losses) {
            DMatrixRMaj y = col(0.3, -1.2, 2.0);
            DMatrixRMaj analytic = new DMatrixRMaj(3, 1);
            loss.gradient(y, target, analytic);
            DMatrixRMaj numeric = FiniteDifferences.gradient(v -> loss.value(v, target), y, 1e-6, new DMatrixRMaj(3, 1));
            assertTrue(FiniteDifferences.maxRelativeError(analytic, numeric, 1e-3) < 1e-8, loss.toString());
        }
    }
}
