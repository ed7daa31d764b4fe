package org.rnngradients.analysis.cli;

import java.util.Arrays;

import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.GruCell;
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

    /**
     * Gate biases set after the weights are drawn. {@code input} (LSTM input gate, NaN = leave as drawn) is the
     * remedy of Hochreiter and Schmidhuber (1997, §5.4) against state drift: input gates that start closed.
     * {@code chronoMax} &gt; 0 is the chrono initialisation of Tallec and Ollivier (2018): each unit's memory gate
     * bias b = ln u with u ~ U[1, chronoMax − 1] (LSTM: b_f = b and b_i = −b; GRU: the update gate b_z = b, since
     * PyTorch's GRU keeps h_{t−1} when z = 1), so the units' initial memory times 1 + e^b spread over 2 … chronoMax
     * steps. Chrono replaces the forget and input biases; it is drawn from the seed's "chrono" stream.
     */
    record GateBiases(double input, double chronoMax) {
        /** No change to the drawn biases. */
        static final GateBiases NONE = new GateBiases(Double.NaN, 0);

        /** Whether chrono initialisation is on. */
        boolean chrono() {
            return chronoMax > 0;
        }
    }

    /** Applies {@code biases} to {@code cell} (a vanilla RNN has no gates: only NONE applies to it). */
    static void applyGateBiases(RecurrentCell cell, GateBiases biases, long seed) {
        CellParameters p = cell.parameters();
        int h = cell.hiddenSize();
        if (biases.chrono()) {
            RandomSource random = RandomSource.seeded(seed).fork("chrono");
            for (int k = 0; k < h; k++) {
                double b = Math.log(random.uniform(1, biases.chronoMax() - 1));
                if (cell instanceof LstmCell) {
                    setBias(p, 1, h, k, b);          // forget gate (block f)
                    setBias(p, 0, h, k, -b);         // input gate (block i)
                } else if (cell instanceof GruCell) {
                    setBias(p, 1, h, k, b);          // update gate (block z)
                } else {
                    throw new IllegalArgumentException("chrono initialisation needs an LSTM or a GRU, was " + cell);
                }
            }
        }
        if (!Double.isNaN(biases.input())) {
            if (!(cell instanceof LstmCell)) {
                throw new IllegalArgumentException("an input-gate bias needs an LSTM, was " + cell);
            }
            for (int k = 0; k < h; k++) {
                setBias(p, 0, h, k, biases.input());
            }
        }
        cell.validateParameters();
    }

    /** Sets the effective bias of unit k of gate block {@code block} to b: b_ih = b, b_hh = 0. */
    private static void setBias(CellParameters p, int block, int h, int k, double b) {
        p.biasIh().data[block * h + k] = b;
        p.biasHh().data[block * h + k] = 0;
    }
}
