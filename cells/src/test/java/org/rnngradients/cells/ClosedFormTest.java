package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;
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

    /**
     * {max |J − I|, max (1 − z)} for a GRU (I = H = 4, weights U[±1/√H], seed 11) whose update-gate
     * bias b_iz is {@code bias}, so that z → 1 and h' → h.
     */
    private static double[] gruDistanceFromIdentity(double bias) {
        GruCell cell = new GruCell(H, H);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(11));
        DMatrixRMaj bIh = cell.parameters().biasIh();
        for (int k = 0; k < H; k++) {
            bIh.data[GruCell.Z * H + k] = bias;
        }
        StepCache cache = cell.newCache();
        cell.forward(previous(), previous(), cache, new DMatrixRMaj(H, 1));
        DMatrixRMaj difference = jacobian(cell, cache);
        CommonOps_DDRM.subtractEquals(difference, CommonOps_DDRM.identity(H));
        DMatrixRMaj z = new DMatrixRMaj(H, 1);
        cell.updateGate(cache, z);
        double open = 0;
        for (double zk : z.data) {
            open = Math.max(open, 1 - zk);
        }
        return new double[] {CommonOps_DDRM.elementMaxAbs(difference), open};
    }

    @Test
    void gruWithUpdateGateSaturatedTowardKeepingTheStateHasIdentityJacobian() {
        // J − I = diag(z − 1) + diag((h − n) z(1 − z)) W_hz + diag((1 − z)(1 − n²)…) W_hr, W_hn: every
        // term carries 1 − z, times factors below 3 here (|h − n| ≤ 2, |W| ≤ 1/2), so max|J − I| ≤ 4 max(1 − z)
        for (double bias : new double[] {10, 20, 30}) {
            double[] d = gruDistanceFromIdentity(bias);
            System.out.printf("GRU b_iz = %.0f: max|J - I| = %.3e, max(1 - z) = %.3e%n", bias, d[0], d[1]);
            assertTrue(d[0] <= 4 * d[1], "max |J - I| = " + d[0] + " > 4 max(1 - z) = " + 4 * d[1]);
        }
        assertTrue(gruDistanceFromIdentity(20)[0] < 1e-7);
        assertTrue(gruDistanceFromIdentity(30)[0] < 1e-11);
    }

    @Test
    void lstmWithForgetGateOneAndInputGateZeroHasIdentityCellStateBlockAndKeepsTheCell() {
        LstmCell cell = new LstmCell(H, H);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(13));
        cell.setForgetGateBias(40);                        // σ(40 + O(1)) rounds to 1.0 in double precision
        for (int k = 0; k < H; k++) {
            cell.parameters().biasIh().data[LstmCell.I * H + k] = -40;   // i = σ(−40 + O(1)) < 1e-16
            cell.parameters().biasHh().data[LstmCell.I * H + k] = 0;
        }
        DMatrixRMaj previous = new DMatrixRMaj(2 * H, 1);
        for (int k = 0; k < 2 * H; k++) {
            previous.data[k] = 0.3 * (k + 1) * (k % 2 == 0 ? 1 : -1);
        }
        StepCache cache = cell.newCache();
        DMatrixRMaj state = new DMatrixRMaj(2 * H, 1);
        cell.forward(previous, CommonOps_DDRM.extract(previous, 0, H, 0, 1), cache, state);

        DMatrixRMaj block = new DMatrixRMaj(H, H);
        cell.cellStateJacobian(cache, block);
        assertArrayEquals(CommonOps_DDRM.identity(H).data, block.data, 0.0);
        DMatrixRMaj j = jacobian(cell, cache);
        assertArrayEquals(block.data, CommonOps_DDRM.extract(j, H, 2 * H, H, 2 * H).data, 0.0);
        assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.extract(j, H, 2 * H, 0, H)) < 1e-16,
                "dc/dh should vanish when f = 1 and i = 0");
        for (int k = 0; k < H; k++) {
            assertEquals(previous.data[H + k], state.data[H + k], 1e-16, "c_t = c_{t-1}");
        }
    }

    @Test
    void lstmHiddenAndCellStateBlocksAreTheDiagonalQuartersOfTheFullJacobian() {
        LstmCell cell = new LstmCell(3, H);
        CellFixture f = new CellFixture(cell, 0.7, RandomSource.seeded(17));
        DMatrixRMaj j = jacobian(cell, f.cache);
        DMatrixRMaj hh = new DMatrixRMaj(H, H);
        cell.hiddenJacobian(f.cache, hh);
        assertArrayEquals(CommonOps_DDRM.extract(j, 0, H, 0, H).data, hh.data, 1e-15);
        DMatrixRMaj cc = new DMatrixRMaj(H, H);
        cell.cellStateJacobian(f.cache, cc);
        assertArrayEquals(CommonOps_DDRM.extract(j, H, 2 * H, H, 2 * H).data, cc.data, 0.0);
        DMatrixRMaj forget = new DMatrixRMaj(H, 1);
        cell.forgetGate(f.cache, forget);
        for (int k = 0; k < H; k++) {
            assertEquals(forget.data[k], cc.get(k, k), 0.0);
        }
    }

    @Test
    void forgetGateBiasSetsTheEffectiveBiasOfTheForgetBlockOnly() {
        LstmCell cell = new LstmCell(2, 3);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(19));
        CellParameters before = cell.parameters().copy();
        cell.setForgetGateBias(1.0);
        for (int r = 0; r < 12; r++) {
            double effective = cell.parameters().biasIh().data[r] + cell.parameters().biasHh().data[r];
            boolean forget = r / 3 == LstmCell.F;
            assertEquals(forget ? 1.0 : before.biasIh().data[r] + before.biasHh().data[r], effective, 0.0);
        }
        BadInputTest.assertRejects("bias", () -> cell.setForgetGateBias(Double.NaN));
    }
}
