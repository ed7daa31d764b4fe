package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * A cell's parameters (or their gradients) in PyTorch's layout and names: {@code weight_ih}
 * (G·H × I), {@code weight_hh} (G·H × H), {@code bias_ih} and {@code bias_hh} (G·H × 1), with the
 * gate blocks stacked in PyTorch's order (LSTM i,f,g,o; GRU r,z,n; G = 1 for a vanilla RNN). Made by
 * the factories per cell kind ({@link #vanilla}, {@link #gru}, {@link #lstm}, {@link #of}), so no
 * caller passes a gate count. Iteration order is fixed, so sums over all parameters are deterministic.
 */
public final class CellParameters extends NamedMatrices {
    /** PyTorch's name of the input-to-hidden weights. */
    public static final String WEIGHT_IH = "weight_ih";
    /** PyTorch's name of the hidden-to-hidden weights. */
    public static final String WEIGHT_HH = "weight_hh";
    /** PyTorch's name of the input-side bias. */
    public static final String BIAS_IH = "bias_ih";
    /** PyTorch's name of the hidden-side bias. */
    public static final String BIAS_HH = "bias_hh";

    private final DMatrixRMaj weightIh;
    private final DMatrixRMaj weightHh;
    private final DMatrixRMaj biasIh;
    private final DMatrixRMaj biasHh;

    /** Zero parameters with {@code gates} gate blocks, input size I and hidden size H. */
    CellParameters(int gates, int inputSize, int hiddenSize) {
        this(new DMatrixRMaj(checkedRows(gates, inputSize, hiddenSize), inputSize),
                new DMatrixRMaj(gates * hiddenSize, hiddenSize), new DMatrixRMaj(gates * hiddenSize, 1),
                new DMatrixRMaj(gates * hiddenSize, 1));
    }

    private CellParameters(DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh, DMatrixRMaj biasHh) {
        this.weightIh = weightIh;
        this.weightHh = weightHh;
        this.biasIh = biasIh;
        this.biasHh = biasHh;
        add(WEIGHT_IH, weightIh);
        add(WEIGHT_HH, weightHh);
        add(BIAS_IH, biasIh);
        add(BIAS_HH, biasHh);
    }

    private static int checkedRows(int gates, int inputSize, int hiddenSize) {
        Require.positive(gates, "gates");
        Require.positive(inputSize, "inputSize");
        Require.positive(hiddenSize, "hiddenSize");
        long rows = (long) gates * hiddenSize;
        long entries = rows * Math.max(inputSize, hiddenSize);
        if (entries > Require.MAX_ENTRIES) {
            String size = inputSize > hiddenSize ? "inputSize" : "hiddenSize";
            throw new IllegalArgumentException(size + " must keep each weight matrix within the largest array, was "
                    + "inputSize=" + inputSize + ", hiddenSize=" + hiddenSize + " (" + rows + " x "
                    + Math.max(inputSize, hiddenSize) + " = " + entries + " entries for " + gates + " gate blocks)");
        }
        return (int) rows;
    }

    /** Zero parameters of a vanilla RNN cell ({@code nn.RNN}, one block). */
    public static CellParameters vanilla(int inputSize, int hiddenSize) {
        return new CellParameters(1, inputSize, hiddenSize);
    }

    /** Zero parameters of a GRU cell ({@code nn.GRU}, blocks r, z, n). */
    public static CellParameters gru(int inputSize, int hiddenSize) {
        return new CellParameters(3, inputSize, hiddenSize);
    }

    /** Zero parameters of an LSTM cell ({@code nn.LSTM}, blocks i, f, g, o). */
    public static CellParameters lstm(int inputSize, int hiddenSize) {
        return new CellParameters(4, inputSize, hiddenSize);
    }

    /** Zero parameters for a cell of {@code kind}. */
    public static CellParameters of(CellKind kind, int inputSize, int hiddenSize) {
        return new CellParameters(Require.nonNull(kind, "kind").gates(), inputSize, hiddenSize);
    }

    /** New zero parameters of the same shapes (a gradient accumulator). */
    @Override
    public CellParameters zerosLike() {
        return new CellParameters(zeros(weightIh), zeros(weightHh), zeros(biasIh), zeros(biasHh));
    }

    private static DMatrixRMaj zeros(DMatrixRMaj m) {
        return new DMatrixRMaj(m.numRows, m.numCols);
    }

    /** A deep copy. */
    @Override
    public CellParameters copy() {
        return (CellParameters) super.copy();
    }

    /** {@code weight_ih}. */
    public DMatrixRMaj weightIh() {
        return weightIh;
    }

    /** {@code weight_hh}. */
    public DMatrixRMaj weightHh() {
        return weightHh;
    }

    /** {@code bias_ih}. */
    public DMatrixRMaj biasIh() {
        return biasIh;
    }

    /** {@code bias_hh}. */
    public DMatrixRMaj biasHh() {
        return biasHh;
    }
}
