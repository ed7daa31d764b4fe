package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The linear readout ŷ_t = W_hy h_t + b_y (O × H weights, O × 1 bias) that maps a hidden state to
 * the model's output. Its backward step adds ∂L/∂W_hy = (∂L/∂ŷ) hᵀ and ∂L/∂b_y = ∂L/∂ŷ, and
 * returns ∂L/∂h = W_hyᵀ ∂L/∂ŷ.
 */
public final class Readout {
    private final DMatrixRMaj weight;
    private final DMatrixRMaj bias;

    /** A zero readout from H hidden units to O outputs. */
    public Readout(int hiddenSize, int outputSize) {
        Require.positive(hiddenSize, "hiddenSize");
        Require.positive(outputSize, "outputSize");
        Require.elementCount(outputSize, hiddenSize, "outputSize", "hiddenSize");
        this.weight = new DMatrixRMaj(outputSize, hiddenSize);
        this.bias = new DMatrixRMaj(outputSize, 1);
    }

    /** A readout whose weights are drawn by {@code initialiser} (bias zero). */
    public static Readout initialised(int hiddenSize, int outputSize, Initialiser initialiser, RandomSource random) {
        Require.nonNull(initialiser, "initialiser");
        Require.nonNull(random, "random");
        Readout r = new Readout(hiddenSize, outputSize);
        initialiser.initialise(r.weight, random);
        return r;
    }

    /** W_hy (live). */
    public DMatrixRMaj weight() {
        return weight;
    }

    /** b_y (live). */
    public DMatrixRMaj bias() {
        return bias;
    }

    /** H. */
    public int hiddenSize() {
        return weight.numCols;
    }

    /** O. */
    public int outputSize() {
        return weight.numRows;
    }

    // tag::readout-forward[]
    /** ŷ = W_hy h + b_y, written into {@code output} (allocated when null) and returned. */
    public DMatrixRMaj forward(DMatrixRMaj h, DMatrixRMaj output) {
        Require.finite(Require.columnVector(h, hiddenSize(), "h"), "h");
        DMatrixRMaj y = output == null ? new DMatrixRMaj(outputSize(), 1) : Require.columnVector(output, outputSize(), "output");
        int cols = weight.numCols;
        for (int i = 0; i < weight.numRows; i++) {
            double sum = bias.data[i];
            for (int j = 0; j < cols; j++) {
                sum += weight.data[i * cols + j] * h.data[j];
            }
            y.data[i] = sum;
        }
        return y;
    }
    // end::readout-forward[]

    // tag::readout-backward[]
    /**
     * dW_hy += dŷ hᵀ, db_y += dŷ (both accumulated, so both must be given), and dh = W_hyᵀ dŷ
     * (written into {@code dh}, allocated when null, and returned).
     */
    public DMatrixRMaj backward(DMatrixRMaj h, DMatrixRMaj dOutput, DMatrixRMaj dWeight, DMatrixRMaj dBias,
                                DMatrixRMaj dh) {
        Require.finite(Require.columnVector(h, hiddenSize(), "h"), "h");
        Require.columnVector(dOutput, outputSize(), "dOutput");
        Require.shape(dWeight, outputSize(), hiddenSize(), "dWeight");
        Require.columnVector(dBias, outputSize(), "dBias");
        DMatrixRMaj d = dh == null ? new DMatrixRMaj(hiddenSize(), 1) : Require.columnVector(dh, hiddenSize(), "dh");
        int cols = weight.numCols;
        java.util.Arrays.fill(d.data, 0, cols, 0.0);
        for (int i = 0; i < weight.numRows; i++) {
            double g = dOutput.data[i];
            dBias.data[i] += g;
            for (int j = 0; j < cols; j++) {
                dWeight.data[i * cols + j] += g * h.data[j];
                d.data[j] += weight.data[i * cols + j] * g;
            }
        }
        return d;
    }
    // end::readout-backward[]
}
