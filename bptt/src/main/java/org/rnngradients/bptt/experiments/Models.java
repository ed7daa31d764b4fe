package org.rnngradients.bptt.experiments;

import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.LstmCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/** The seeded models the experiments train. */
final class Models {
    private Models() {
    }

    /** Vanilla tanh RNN, PyTorch-default weights (U[±1/√H]), Xavier readout with bias {@code readoutBias}. */
    static RnnModel vanillaDefault(int inputSize, int hidden, int outputs, Loss loss, double readoutBias, long seed) {
        RecurrentCell cell = new VanillaRnnCell(inputSize, hidden, Activation.TANH);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed).fork("cell"));
        return withReadout(cell, outputs, loss, readoutBias, seed);
    }

    /** Vanilla tanh RNN with W_hh Haar-orthogonal times {@code gain}, Xavier W_ih, zero biases. */
    static RnnModel vanillaOrthogonal(int inputSize, int hidden, int outputs, Loss loss, double gain, double readoutBias, long seed) {
        RecurrentCell cell = new VanillaRnnCell(inputSize, hidden, Activation.TANH);
        Cells.initialise(cell, Initialiser.orthogonal(gain), Initialiser.xavierUniform(1.0), RandomSource.seeded(seed).fork("cell"));
        return withReadout(cell, outputs, loss, readoutBias, seed);
    }

    /** LSTM with PyTorch-default weights and forget-gate bias {@code forgetBias}. */
    static RnnModel lstm(int inputSize, int hidden, int outputs, Loss loss, double forgetBias, double readoutBias, long seed) {
        LstmCell cell = new LstmCell(inputSize, hidden);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed).fork("cell"));
        cell.setForgetGateBias(forgetBias);
        return withReadout(cell, outputs, loss, readoutBias, seed);
    }

    /** GRU with PyTorch-default weights. */
    static RnnModel gru(int inputSize, int hidden, int outputs, Loss loss, long seed) {
        RecurrentCell cell = new org.rnngradients.cells.GruCell(inputSize, hidden);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed).fork("cell"));
        return withReadout(cell, outputs, loss, 0, seed);
    }

    private static RnnModel withReadout(RecurrentCell cell, int outputs, Loss loss, double readoutBias, long seed) {
        Readout readout = Readout.initialised(cell.hiddenSize(), outputs, Initialiser.xavierUniform(1.0),
                RandomSource.seeded(seed).fork("readout"));
        java.util.Arrays.fill(readout.bias().data, readoutBias);
        return new RnnModel(cell, readout, loss);
    }
}
