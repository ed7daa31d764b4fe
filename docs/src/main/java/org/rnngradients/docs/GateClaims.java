package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** The gated additive path: with the gates set to remember, the step Jacobian is close to the identity. */
public final class GateClaims {

    private GateClaims() {
    }

    /**
     * max abs(J − I) over the state block of one step, for a cell whose gate block {@code gate} of
     * {@code bias_hh} is shifted by {@code shift} (GRU z: +; LSTM f: +) and, for the LSTM, input gate by −shift.
     * The block compared is h for the GRU and c (rows and columns H..2H) for the LSTM.
     */
    public static double distanceFromIdentity(CellKind kind, double shift, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        int hidden = 16;
        RecurrentCell cell = kind.create(4, hidden);
        Cells.initialisePyTorchDefault(cell, random.fork("init"));
        DMatrixRMaj bias = cell.parameters().biasHh();
        int gate = 1;                                   // z in GRU order (r, z, n); f in LSTM order (i, f, g, o)
        for (int i = 0; i < hidden; i++) {
            bias.set(gate * hidden + i, 0, bias.get(gate * hidden + i, 0) + shift);
            if (kind == CellKind.LSTM) {
                bias.set(i, 0, bias.get(i, 0) - shift);                // input gate shut
            }
        }
        DMatrixRMaj s0 = RandomMatrices.gaussian(cell.stateSize(), 1, random);
        DMatrixRMaj s1 = new DMatrixRMaj(cell.stateSize(), 1);
        StepCache cache = cell.newCache();
        cell.forward(s0, RandomMatrices.gaussian(4, 1, random), cache, s1);
        DMatrixRMaj j = new DMatrixRMaj(cell.stateSize(), cell.stateSize());
        cell.stateJacobian(cache, j);
        int from = kind == CellKind.LSTM ? hidden : 0;
        double worst = 0;
        for (int r = from; r < from + hidden; r++) {
            for (int c = from; c < from + hidden; c++) {
                worst = Math.max(worst, Math.abs(j.get(r, c) - (r == c ? 1 : 0)));
            }
        }
        return worst;
    }
}
