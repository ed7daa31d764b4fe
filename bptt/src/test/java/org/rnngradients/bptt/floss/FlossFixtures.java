package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** Seeded cells, states and input sequences for the flossing tests. */
final class FlossFixtures {
    private FlossFixtures() {
    }

    /**
     * A cell of {@code kind} with PyTorch-default parameters, W_hh multiplied by {@code recurrentGain}
     * (so the dynamics are neither trivially contracting nor saturated).
     */
    static RecurrentCell cell(CellKind kind, int inputSize, int hidden, double recurrentGain, long seed) {
        RecurrentCell cell = kind.create(inputSize, hidden);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed).fork("cell"));
        CommonOps_DDRM.scale(recurrentGain, cell.parameters().weightHh());
        return cell;
    }

    /** An n × 1 vector with U[−a, a] entries. */
    static DMatrixRMaj vector(int n, double a, RandomSource random) {
        return RandomMatrices.uniform(new DMatrixRMaj(n, 1), a, random);
    }

    /** A rows × cols matrix with N(0, 1) entries. */
    static DMatrixRMaj gaussian(int rows, int cols, RandomSource random) {
        return RandomMatrices.gaussian(rows, cols, random);
    }

    /** T inputs with N(0, 1) entries. */
    static DMatrixRMaj[] inputs(int length, int inputSize, long seed) {
        RandomSource random = RandomSource.seeded(seed).fork("inputs");
        DMatrixRMaj[] xs = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            xs[t] = RandomMatrices.gaussian(inputSize, 1, random);
        }
        return xs;
    }

    /** The largest |a_i − b_i|. */
    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            worst = Math.max(worst, Math.abs(a.data[k] - b.data[k]));
        }
        return worst;
    }
}
