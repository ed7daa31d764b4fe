package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;

class LabTest {

    @Test
    void biasingTheKeepGateSlowsTheDecay() {
        for (CellKind kind : new CellKind[] {CellKind.GRU, CellKind.LSTM}) {
            double plain = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(kind, 0));
            double biased = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(kind, 1));
            assertTrue(biased < plain / 1.5, kind + ": " + biased + " vs " + plain);
        }
    }

    @Test
    void gruWithUpdateGateBiasOneLosesAboutOneOrderPerTenSteps() {
        double rate = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(CellKind.GRU, 1));
        assertTrue(rate > 0.5 && rate < 1.5, "rate " + rate);
    }

    @Test
    void labProfileIsDeterministicForASeed() {
        assertEquals(java.util.Arrays.toString(Lab.log10Profile(CellKind.GRU, 7)),
                java.util.Arrays.toString(Lab.log10Profile(CellKind.GRU, 7)));
    }

    @Test
    void keepGateBiasNeedsAGatedCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lab.log10Profile(CellKind.RNN_TANH, 1, 1));
        assertTrue(e.getMessage().contains("kind"));
    }

    @Test
    void fittedRateOfAnExactGeometricProfileIsItsSlope() {
        double[] p = new double[Lab.T];
        for (int t = 0; t < p.length; t++) {
            p[t] = -0.25 * (p.length - 1 - t);              // a quarter order per step back
        }
        assertTrue(Math.abs(Lab.ordersLostPerTenSteps(p) - 2.5) < 1e-12);
    }
}
