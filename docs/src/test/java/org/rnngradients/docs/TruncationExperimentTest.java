package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The truncation-bias sweep the experiments chapter shows and plots. */
class TruncationExperimentTest {

    private static final double[] CONTRACTING = TruncationExperiment.relativeBias(0.5, 81);

    @Test
    void windowOfTheWholeSequenceGivesTheExactGradient() {
        assertEquals(TruncationExperiment.T, TruncationExperiment.WINDOWS[TruncationExperiment.WINDOWS.length - 1]);
        assertEquals(0, CONTRACTING[CONTRACTING.length - 1], 1e-12);
    }

    @Test
    void biasFallsWithTheWindowForAContractingNetwork() {
        for (int i = 1; i < CONTRACTING.length; i++) {
            assertTrue(CONTRACTING[i] < CONTRACTING[i - 1], "window " + TruncationExperiment.WINDOWS[i]);
        }
    }

    @Test
    void biasFallsRoughlyLikeOneOverTheWindowNotExponentially() {
        // k = 1 → k = 10 (index 5) shrinks the bias by far less than 0.5^9, the per-step contraction
        double ratio = CONTRACTING[5] / CONTRACTING[0];
        assertTrue(ratio > 0.1 && ratio < 0.5, "bias(10)/bias(1) = " + ratio);
    }

    @Test
    void anExpandingNetworkCanBeFurtherFromTheTruthThanZero() {
        // the chapter says the bias at gain 1.5 exceeds 1 at k = 30 (index 8)
        assertEquals(30, TruncationExperiment.WINDOWS[8]);
        assertTrue(TruncationExperiment.relativeBias(1.5, 81)[8] > 1);
    }

    @Test
    void biasIsDeterministicForASeed() {
        assertArrayEquals(CONTRACTING, TruncationExperiment.relativeBias(0.5, 81), 0);
    }
}
