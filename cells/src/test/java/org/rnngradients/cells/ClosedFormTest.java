package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.Spectra;

/** Cases whose step Jacobians are known in closed form. */
class ClosedFormTest {
    static final int H = 4;

    private static DMatrixRMaj previous() {
        return new DMatrixRMaj(new double[][] {{0.5}, {-0.25}, {0.125}, {-1.0}});
    }

    /**
     * A vanilla cell with W_hh = 0.7·I, W_ih = I and zero biases stepped from h_{t−1} with
     * x_t = −0.7·h_{t−1}, so that z_t = 0 exactly; returns the filled cache.
     */
    private static StepCache stepAtZeroPreActivation(VanillaRnnCell cell) {
        CommonOps_DDRM.setIdentity(cell.parameters().weightIh());
        CommonOps_DDRM.setIdentity(cell.parameters().weightHh());
        CommonOps_DDRM.scale(0.7, cell.parameters().weightHh());
        DMatrixRMaj x = previous();
        CommonOps_DDRM.scale(-0.7, x);
        StepCache cache = cell.newCache();
        cell.forward(previous(), x, cache, new DMatrixRMaj(H, 1));
        return cache;
    }

    private static DMatrixRMaj jacobian(RecurrentCell cell, StepCache cache) {
        DMatrixRMaj j = new DMatrixRMaj(cell.stateSize(), cell.stateSize());
        cell.stateJacobian(cache, j);
        return j;
    }

    @Test
    void vanillaTanhWithSevenTenthsIdentityAtZeroPreActivationHasJacobianSevenTenthsIdentity() {
        VanillaRnnCell cell = new VanillaRnnCell(H, H, Activation.TANH);
        StepCache cache = stepAtZeroPreActivation(cell);
        DMatrixRMaj z = new DMatrixRMaj(H, 1);
        cell.preActivation(cache, z);
        assertArrayEquals(new double[H], z.data, 0.0);
        DMatrixRMaj expected = CommonOps_DDRM.identity(H);
        CommonOps_DDRM.scale(0.7, expected);
        assertArrayEquals(expected.data, jacobian(cell, cache).data, 0.0);
    }

    @Test
    void vanillaSigmoidAtZeroPreActivationReachesGammaEqualsOneQuarterOfTheWeightNorm() {
        VanillaRnnCell cell = new VanillaRnnCell(H, H, Activation.SIGMOID);
        StepCache cache = stepAtZeroPreActivation(cell);
        double gamma = cell.supActivationDerivative() * Spectra.spectralNorm(cell.parameters().weightHh());
        assertEquals(0.25 * 0.7, gamma, 1e-15);
        assertEquals(gamma, Spectra.spectralNorm(jacobian(cell, cache)), 1e-15);
    }

    @Test
    void twentyStepsAtSevenTenthsIdentityContractBySevenTenthsToTheTwentieth() {
        VanillaRnnCell cell = new VanillaRnnCell(H, H, Activation.TANH);
        DMatrixRMaj j = jacobian(cell, stepAtZeroPreActivation(cell));
        DMatrixRMaj product = CommonOps_DDRM.identity(H);
        DMatrixRMaj next = new DMatrixRMaj(H, H);
        for (int t = 0; t < 20; t++) {
            CommonOps_DDRM.mult(j, product, next);
            product.setTo(next);
        }
        double norm = Spectra.spectralNorm(product);
        assertEquals(Math.pow(0.7, 20), norm, 1e-15 * norm);
        assertEquals(7.98e-4, norm, 1e-6);
    }
}
