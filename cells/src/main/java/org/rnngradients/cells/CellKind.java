package org.rnngradients.cells;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.rnngradients.linalg.internal.Require;

/**
 * The cells this module offers, with the names the command line uses ({@code rnn-tanh}, …,
 * {@code lstm}), their number of gate blocks and a factory.
 */
public enum CellKind {
    /** Vanilla RNN with tanh, PyTorch's default {@code nn.RNN}. */
    RNN_TANH("rnn-tanh", 1),
    /** Vanilla RNN with ReLU ({@code nn.RNN(nonlinearity='relu')}), as in IRNN. */
    RNN_RELU("rnn-relu", 1),
    /** Vanilla RNN with the logistic sigmoid (sup|φ′| = 1/4). */
    RNN_SIGMOID("rnn-sigmoid", 1),
    /** Linear RNN (φ = identity). */
    RNN_IDENTITY("rnn-identity", 1),
    /** Gated recurrent unit as {@code nn.GRU} (gates r, z, n). */
    GRU("gru", 3),
    /** Long short-term memory as {@code nn.LSTM} (gates i, f, g, o; state [h; c]). */
    LSTM("lstm", 4);

    private final String cliName;
    private final int gates;

    CellKind(String cliName, int gates) {
        this.cliName = cliName;
        this.gates = gates;
    }

    /** The command-line name, e.g. {@code rnn-tanh}. */
    public String cliName() {
        return cliName;
    }

    /** The number of gate blocks G stacked in the fused weight matrices (1, GRU 3, LSTM 4). */
    public int gates() {
        return gates;
    }

    /** A new cell of this kind with zero parameters (initialise them with {@link Cells}). */
    public RecurrentCell create(int inputSize, int hiddenSize) {
        switch (this) {
            case RNN_TANH:
                return new VanillaRnnCell(inputSize, hiddenSize, Activation.TANH);
            case RNN_RELU:
                return new VanillaRnnCell(inputSize, hiddenSize, Activation.RELU);
            case RNN_SIGMOID:
                return new VanillaRnnCell(inputSize, hiddenSize, Activation.SIGMOID);
            case RNN_IDENTITY:
                return new VanillaRnnCell(inputSize, hiddenSize, Activation.IDENTITY);
            case GRU:
                return new GruCell(inputSize, hiddenSize);
            case LSTM:
                return new LstmCell(inputSize, hiddenSize);
            default:
                throw new AssertionError(this);
        }
    }

    /** The kind whose {@link #cliName()} is {@code name}, or an exception listing the valid names. */
    public static CellKind fromCliName(String name) {
        Require.nonNull(name, "name");
        for (CellKind k : values()) {
            if (k.cliName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("name must be one of " + validNames() + ", was " + name);
    }

    /** The valid command-line names, comma-separated. */
    public static String validNames() {
        return Arrays.stream(values()).map(CellKind::cliName).collect(Collectors.joining(", "));
    }
}
