package org.rnngradients.analysis.cli;

import java.util.Arrays;

import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.LstmCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * The seeded models of the book's training experiments: a cell drawn from {@code seed}'s "cell" stream
 * and a Xavier-uniform linear readout from its "readout" stream, with a constant readout bias.
 */
final class ExperimentModels {
    /** How the cell's weights are drawn. */
    enum Init {
        /** PyTorch's default: every weight and bias U[±1/√H]. */
        pytorch,
        /** W_hh Haar-orthogonal per gate block times the gain, W_ih Xavier uniform, biases zero. */
        orthogonal
    }

    private ExperimentModels() {
    }

    /**
     * A model of {@code kind} (I inputs, H hidden, O outputs) trained with {@code loss}. An LSTM's forget-gate bias is
     * then set to {@code forgetBias}; {@code gain} scales the orthogonal W_hh (ignored by pytorch).
     */
    static RnnModel create(CellKind kind, Init init, double gain, int inputs, int hidden, int outputs, Loss loss,
                           double forgetBias, double readoutBias, long seed) {
        RecurrentCell cell = kind.create(inputs, hidden);
        RandomSource cellRandom = RandomSource.seeded(seed).fork("cell");
        switch (init) {
            case pytorch -> Cells.initialisePyTorchDefault(cell, cellRandom);
            case orthogonal -> Cells.initialise(cell, Initialiser.orthogonal(gain), Initialiser.xavierUniform(1.0),
                    cellRandom);
            default -> throw new AssertionError(init);
        }
        if (cell instanceof LstmCell lstm) {
            lstm.setForgetGateBias(forgetBias);
        }
        Readout readout = Readout.initialised(hidden, outputs, Initialiser.xavierUniform(1.0),
                RandomSource.seeded(seed).fork("readout"));
        Arrays.fill(readout.bias().data, readoutBias);
        return new RnnModel(cell, readout, loss);
    }
}
