package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

class LyapunovChapterTest {

    /** Largest exponent of h ← tanh(W h) by one renormalised tangent vector, W ~ N(0, g²/n), no cell code. */
    private static double tangentVectorExponent(double g, long seed) {
        int n = LyapunovChapter.N;
        RandomSource r = RandomSource.seeded(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        Initialiser.scaledGaussian(g).initialise(w, r);
        DMatrixRMaj h = RandomMatrices.gaussian(n, 1, r);
        DMatrixRMaj z = new DMatrixRMaj(n, 1);
        DMatrixRMaj v = RandomMatrices.gaussian(n, 1, r);
        DMatrixRMaj next = new DMatrixRMaj(n, 1);
        double sum = 0;
        int warmUp = 500;
        int steps = 6000;
        for (int t = 0; t < warmUp + steps; t++) {
            CommonOps_DDRM.mult(w, h, z);
            for (int i = 0; i < n; i++) {
                h.set(i, Math.tanh(z.get(i)));
            }
            CommonOps_DDRM.mult(w, v, next);
            for (int i = 0; i < n; i++) {
                next.set(i, next.get(i) * (1 - h.get(i) * h.get(i)));
            }
            double growth = LogSpace.normalise(next);
            v.setTo(next);
            if (t >= warmUp) {
                sum += growth;
            }
        }
        return sum / steps;
    }

    private static double meanOfModule(double g) {
        double sum = 0;
        for (int d = 0; d < 8; d++) {
            sum += LyapunovChapter.largest(g, 300 + d);
        }
        return sum / 8;
    }

    private static double meanOfIndependent(double g) {
        double sum = 0;
        for (int d = 0; d < 8; d++) {
            sum += tangentVectorExponent(g, 400 + d);
        }
        return sum / 8;
    }

    @Test
    void smallGainContracts() {
        assertTrue(meanOfModule(0.5) < -0.3);
        assertTrue(meanOfIndependent(0.5) < -0.3);
    }

    @Test
    void ensembleMeansAgreeWithAnIndependentTangentIteration() {
        for (double g : new double[] {0.5, 3.0}) {
            assertEquals(meanOfIndependent(g), meanOfModule(g), 0.1, "g = " + g);
        }
    }

    @Test
    void largeGainIsChaoticOnAverage() {
        assertTrue(meanOfModule(3.0) > 0.05);
    }

    /**
     * ⟨ln|det J_t|⟩ = ln|det W| + ⟨Σ_i ln(1 − h_i²)⟩ along the trajectory the chapter's spectrum follows: the same
     * network, initial state and frame steps (a chaotic trajectory must be followed bit for bit, so it is not
     * re-integrated here), with det J_t taken from the tanh derivatives of the visited states, not from the QR.
     */
    private static double meanLogDeterminant(double g, long seed) {
        int n = LyapunovChapter.N;
        RandomSource r = RandomSource.seeded(seed);
        org.rnngradients.cells.RecurrentCell cell = org.rnngradients.cells.CellKind.RNN_TANH.create(1, n);
        org.rnngradients.cells.Cells.initialise(cell, Initialiser.scaledGaussian(g), Initialiser.zeros(), r);
        DMatrixRMaj h0 = RandomMatrices.gaussian(n, 1, r);
        org.rnngradients.analysis.CellTrajectory trajectory = new org.rnngradients.analysis.CellTrajectory(cell,
                org.rnngradients.analysis.InputSequence.constant(new DMatrixRMaj(1, 1)), h0);
        double logDetW = Math.log(Math.abs(CommonOps_DDRM.det(cell.parameters().weightHh())));
        DMatrixRMaj frame = CommonOps_DDRM.identity(n, 1);
        DMatrixRMaj image = new DMatrixRMaj(n, 1);
        double sum = 0;
        int warmUp = 500;
        int steps = 2000;
        for (int t = 0; t < warmUp + steps; t++) {
            trajectory.advance(frame, image);
            if (t >= warmUp) {
                DMatrixRMaj h = trajectory.state();
                for (int i = 0; i < n; i++) {
                    sum += Math.log(1 - h.get(i) * h.get(i));
                }
            }
        }
        return logDetW + sum / steps;
    }

    @Test
    void spectrumSumsToTheMeanLogDeterminant() {
        for (double g : new double[] {1.0, 2.0, 3.0}) {
            double sum = LyapunovChapter.spectrum(g, 100).sum();
            double expected = meanLogDeterminant(g, 100);
            assertEquals(expected, sum, 1e-9 * Math.abs(expected), "g = " + g);   // fails with QR every 10 steps at g ≥ 2
        }
    }
}
