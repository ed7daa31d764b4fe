package org.rnngradients.cells;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Require;

/**
 * A cell's parameters (or their gradients) in PyTorch's layout and names: {@code weight_ih}
 * (G·H × I), {@code weight_hh} (G·H × H), {@code bias_ih} and {@code bias_hh} (G·H × 1), with the
 * gate blocks stacked in PyTorch's order (LSTM i,f,g,o; GRU r,z,n; G = 1 for a vanilla RNN).
 * Iteration order is fixed, so sums over all parameters are deterministic.
 */
public final class CellParameters {
    /** PyTorch's name of the input-to-hidden weights. */
    public static final String WEIGHT_IH = "weight_ih";
    /** PyTorch's name of the hidden-to-hidden weights. */
    public static final String WEIGHT_HH = "weight_hh";
    /** PyTorch's name of the input-side bias. */
    public static final String BIAS_IH = "bias_ih";
    /** PyTorch's name of the hidden-side bias. */
    public static final String BIAS_HH = "bias_hh";

    private final Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();

    /** Zero parameters for a cell with {@code gates} gate blocks, input size I and hidden size H. */
    public CellParameters(int gates, int inputSize, int hiddenSize) {
        Require.positive(gates, "gates");
        Require.positive(inputSize, "inputSize");
        Require.positive(hiddenSize, "hiddenSize");
        int rows = gates * hiddenSize;
        tensors.put(WEIGHT_IH, new DMatrixRMaj(rows, inputSize));
        tensors.put(WEIGHT_HH, new DMatrixRMaj(rows, hiddenSize));
        tensors.put(BIAS_IH, new DMatrixRMaj(rows, 1));
        tensors.put(BIAS_HH, new DMatrixRMaj(rows, 1));
    }

    private CellParameters(CellParameters shape) {
        shape.tensors.forEach((name, m) -> tensors.put(name, new DMatrixRMaj(m.numRows, m.numCols)));
    }

    /** New zero parameters of the same shapes (a gradient accumulator). */
    public CellParameters zerosLike() {
        return new CellParameters(this);
    }

    /** A deep copy. */
    public CellParameters copy() {
        CellParameters c = zerosLike();
        c.setTo(this);
        return c;
    }

    /** The parameter names in their fixed order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(tensors.keySet()));
    }

    /** The live matrix named {@code name} (changes to it change the cell). */
    public DMatrixRMaj get(String name) {
        DMatrixRMaj m = tensors.get(name);
        if (m == null) {
            throw new IllegalArgumentException("name must be one of " + tensors.keySet() + ", was " + name);
        }
        return m;
    }

    /** {@code weight_ih}. */
    public DMatrixRMaj weightIh() {
        return tensors.get(WEIGHT_IH);
    }

    /** {@code weight_hh}. */
    public DMatrixRMaj weightHh() {
        return tensors.get(WEIGHT_HH);
    }

    /** {@code bias_ih}. */
    public DMatrixRMaj biasIh() {
        return tensors.get(BIAS_IH);
    }

    /** {@code bias_hh}. */
    public DMatrixRMaj biasHh() {
        return tensors.get(BIAS_HH);
    }

    /** All matrices in the fixed order. */
    public List<DMatrixRMaj> tensors() {
        return Collections.unmodifiableList(new ArrayList<>(tensors.values()));
    }

    /** The total number of scalar parameters. */
    public int size() {
        int n = 0;
        for (DMatrixRMaj m : tensors.values()) {
            n += m.getNumElements();
        }
        return n;
    }

    /** Copies every value of {@code other} (same shapes) into this. */
    public void setTo(CellParameters other) {
        requireSameShapes(other, "other");
        tensors.forEach((name, m) -> m.setTo(other.tensors.get(name)));
    }

    /** Sets every value to zero (before accumulating a new gradient). */
    public void zero() {
        tensors.values().forEach(DMatrixRMaj::zero);
    }

    /** Σ θᵢ² over all parameters, in the fixed order. */
    public double squaredNorm() {
        double s = 0;
        for (DMatrixRMaj m : tensors.values()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                s += m.data[k] * m.data[k];
            }
        }
        return s;
    }

    /** Throws unless {@code other} has the same names and shapes. */
    public void requireSameShapes(CellParameters other, String name) {
        Require.nonNull(other, name);
        for (Map.Entry<String, DMatrixRMaj> e : tensors.entrySet()) {
            DMatrixRMaj o = other.tensors.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException(name + " lacks parameter " + e.getKey());
            }
            Require.shape(o, e.getValue().numRows, e.getValue().numCols, name + "." + e.getKey());
        }
    }

    /** Throws unless every value is finite (the message names the parameter and entry). */
    public void requireFinite(String name) {
        tensors.forEach((n, m) -> Require.finite(m, name + "." + n));
    }
}
