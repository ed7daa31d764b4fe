package org.rnngradients.bptt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Require;

/**
 * An ordered collection of named matrices: a model's parameters or their gradients, seen as one
 * long vector θ. The matrices are held by reference (a live view), and the order is fixed, so norms
 * and updates are deterministic.
 */
public final class ParameterSet {
    private final Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();

    /** Adds {@code tensor} (held by reference) under {@code name}; names must be unique. */
    public ParameterSet with(String name, DMatrixRMaj tensor) {
        Require.nonNull(name, "name");
        Require.nonNull(tensor, "tensor");
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("name must be unique, was " + name);
        }
        tensors.put(name, tensor);
        return this;
    }

    /** The names in their fixed order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(tensors.keySet()));
    }

    /** The live matrices in the fixed order. */
    public List<DMatrixRMaj> tensors() {
        return Collections.unmodifiableList(new ArrayList<>(tensors.values()));
    }

    /** The live matrix named {@code name}. */
    public DMatrixRMaj get(String name) {
        DMatrixRMaj m = tensors.get(name);
        if (m == null) {
            throw new IllegalArgumentException("name must be one of " + tensors.keySet() + ", was " + name);
        }
        return m;
    }

    /** Whether a matrix named {@code name} exists. */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The number of scalars. */
    public int size() {
        int n = 0;
        for (DMatrixRMaj m : tensors.values()) {
            n += m.getNumElements();
        }
        return n;
    }

    /** New, independent zero matrices of the same names and shapes. */
    public ParameterSet zerosLike() {
        ParameterSet z = new ParameterSet();
        tensors.forEach((n, m) -> z.with(n, new DMatrixRMaj(m.numRows, m.numCols)));
        return z;
    }

    /** An independent deep copy. */
    public ParameterSet copy() {
        ParameterSet c = zerosLike();
        c.setTo(this);
        return c;
    }

    /** Copies the values of {@code other} (same names and shapes) into these matrices. */
    public void setTo(ParameterSet other) {
        requireSameShapes(other, "other");
        tensors.forEach((n, m) -> m.setTo(other.tensors.get(n)));
    }

    /** Sets every value to zero. */
    public void zero() {
        tensors.values().forEach(DMatrixRMaj::zero);
    }

    /** θ ← α·θ. */
    public void scale(double alpha) {
        for (DMatrixRMaj m : tensors.values()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] *= alpha;
            }
        }
    }

    /** θ ← θ + α·other. */
    public void addScaled(double alpha, ParameterSet other) {
        requireSameShapes(other, "other");
        tensors.forEach((n, m) -> {
            DMatrixRMaj o = other.tensors.get(n);
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] += alpha * o.data[k];
            }
        });
    }

    /** The global L2 norm ‖θ‖₂ over all matrices, scaled so it overflows only if the norm does. */
    public double norm() {
        double scale = maxAbs();
        if (scale == 0 || !Double.isFinite(scale)) {
            return Double.isNaN(scale) ? Double.NaN : scale == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (DMatrixRMaj m : tensors.values()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                double x = m.data[k] / scale;
                sum += x * x;
            }
        }
        return scale * Math.sqrt(sum);
    }

    /** max |θᵢ|; NaN if any entry is NaN. */
    public double maxAbs() {
        double max = 0;
        for (DMatrixRMaj m : tensors.values()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                double a = Math.abs(m.data[k]);
                if (Double.isNaN(a)) {
                    return Double.NaN;
                }
                max = Math.max(max, a);
            }
        }
        return max;
    }

    /** Whether every entry is finite. */
    public boolean isFinite() {
        return Double.isFinite(maxAbs());
    }

    /** Throws unless {@code other} has the same names (in order) and shapes. */
    public void requireSameShapes(ParameterSet other, String name) {
        Require.nonNull(other, name);
        if (!other.tensors.keySet().equals(tensors.keySet())) {
            throw new IllegalArgumentException(name + " must have parameters " + tensors.keySet() + ", was "
                    + other.tensors.keySet());
        }
        tensors.forEach((n, m) -> Require.shape(other.tensors.get(n), m.numRows, m.numCols, name + "." + n));
    }
}
