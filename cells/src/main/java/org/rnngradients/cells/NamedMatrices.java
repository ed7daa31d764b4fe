package org.rnngradients.cells;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * An ordered collection of named matrices seen as one long vector θ: a cell's parameters
 * ({@link CellParameters}), a whole model's, or their gradients. The matrices are held by reference
 * and kept in insertion order, so sums, norms and updates are deterministic. The operations every such
 * collection needs live here once; {@link #tensors()} and {@link #names()} are fixed views that cost
 * nothing to call in a loop.
 */
public abstract class NamedMatrices {
    private final Map<String, DMatrixRMaj> byName = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<DMatrixRMaj> tensors = new ArrayList<>();
    private final List<String> namesView = Collections.unmodifiableList(names);
    private final List<DMatrixRMaj> tensorsView = Collections.unmodifiableList(tensors);

    /** An empty collection; subclasses add their matrices with {@link #add}. */
    protected NamedMatrices() {
    }

    /** Adds {@code tensor} (held by reference) under {@code name}; names must be unique. */
    protected final void add(String name, DMatrixRMaj tensor) {
        Require.nonNull(name, "name");
        Require.nonNull(tensor, "tensor");
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("name must be unique, was " + name);
        }
        byName.put(name, tensor);
        names.add(name);
        tensors.add(tensor);
    }

    /** New, independent zero matrices of the same names and shapes. */
    public abstract NamedMatrices zerosLike();

    /** An independent deep copy. */
    public NamedMatrices copy() {
        NamedMatrices c = zerosLike();
        c.setTo(this);
        return c;
    }

    /** The names in their fixed order (an unmodifiable view). */
    public final List<String> names() {
        return namesView;
    }

    /** The live matrices in the fixed order (an unmodifiable view). */
    public final List<DMatrixRMaj> tensors() {
        return tensorsView;
    }

    /** The live matrix named {@code name}. */
    public final DMatrixRMaj get(String name) {
        DMatrixRMaj m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("name must be one of " + names + ", was " + name);
        }
        return m;
    }

    /** Whether a matrix named {@code name} exists. */
    public final boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The number of scalars. */
    public final int size() {
        int n = 0;
        for (DMatrixRMaj m : tensors) {
            n += m.getNumElements();
        }
        return n;
    }

    /** Copies the values of {@code other} (same names and shapes) into these matrices. */
    public final void setTo(NamedMatrices other) {
        requireSameShapes(other, "other");
        for (int k = 0; k < tensors.size(); k++) {
            tensors.get(k).setTo(other.tensors.get(k));
        }
    }

    /** Sets every value to zero. */
    public final void zero() {
        for (DMatrixRMaj m : tensors) {
            m.zero();
        }
    }

    /** θ ← α·θ. */
    public final void scale(double alpha) {
        Require.finite(alpha, "alpha");
        for (DMatrixRMaj m : tensors) {
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] *= alpha;
            }
        }
    }

    /** θ ← θ + α·other (same names and shapes). */
    public final void addScaled(double alpha, NamedMatrices other) {
        Require.finite(alpha, "alpha");
        requireSameShapes(other, "other");
        for (int t = 0; t < tensors.size(); t++) {
            DMatrixRMaj m = tensors.get(t);
            DMatrixRMaj o = other.tensors.get(t);
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] += alpha * o.data[k];
            }
        }
    }

    /** Σ θᵢ·otherᵢ over all matrices, in the fixed order (same names and shapes). */
    public final double dot(NamedMatrices other) {
        requireSameShapes(other, "other");
        double dot = 0;
        for (int t = 0; t < tensors.size(); t++) {
            double[] a = tensors.get(t).data;
            double[] b = other.tensors.get(t).data;
            for (int k = 0; k < tensors.get(t).getNumElements(); k++) {
                dot += a[k] * b[k];
            }
        }
        return dot;
    }

    /** Σ θᵢ² over all parameters, in the fixed order (may overflow; {@link #norm()} does not). */
    public final double squaredNorm() {
        double s = 0;
        for (DMatrixRMaj m : tensors) {
            for (int k = 0; k < m.getNumElements(); k++) {
                s += m.data[k] * m.data[k];
            }
        }
        return s;
    }

    /** The global L2 norm ‖θ‖₂ over all matrices, scaled so it overflows only if the norm does. */
    public final double norm() {
        double scale = maxAbs();
        if (scale == 0 || !Double.isFinite(scale)) {
            return nonFiniteOrZeroNorm(scale);
        }
        double sum = 0;
        for (DMatrixRMaj m : tensors) {
            sum = addScaledSquares(m, scale, sum);
        }
        return scale * Math.sqrt(sum);
    }

    /** ‖m‖_F of one matrix, computed as {@link #norm()} computes the global norm (nothing allocated). */
    public static double norm(DMatrixRMaj m) {
        Require.nonNull(m, "m");
        double scale = maxAbs(m, 0);
        if (scale == 0 || !Double.isFinite(scale)) {
            return nonFiniteOrZeroNorm(scale);
        }
        return scale * Math.sqrt(addScaledSquares(m, scale, 0));
    }

    private static double nonFiniteOrZeroNorm(double scale) {
        return Double.isNaN(scale) ? Double.NaN : scale == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    /** sum + Σ (mᵢ/scale)², accumulated entry by entry in order. */
    private static double addScaledSquares(DMatrixRMaj m, double scale, double sum) {
        for (int k = 0; k < m.getNumElements(); k++) {
            double x = m.data[k] / scale;
            sum += x * x;
        }
        return sum;
    }

    /** max |θᵢ|; NaN if any entry is NaN. */
    public final double maxAbs() {
        double max = 0;
        for (DMatrixRMaj m : tensors) {
            max = maxAbs(m, max);
            if (Double.isNaN(max)) {
                return max;
            }
        }
        return max;
    }

    /** max(max, max |mᵢ|); NaN if any entry is NaN. */
    private static double maxAbs(DMatrixRMaj m, double max) {
        for (int k = 0; k < m.getNumElements(); k++) {
            double a = Math.abs(m.data[k]);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            max = Math.max(max, a);
        }
        return max;
    }

    /** Whether every entry is finite. */
    public final boolean isFinite() {
        return Double.isFinite(maxAbs());
    }

    /** Throws unless every value is finite (the message names the matrix, {@code name.matrix}, and the entry). */
    public final void requireFinite(String name) {
        for (int k = 0; k < tensors.size(); k++) {
            Require.finite(tensors.get(k), name + "." + names.get(k));
        }
    }

    /** Throws, naming {@code name}, unless {@code other} has the same names in the same order and the same shapes. */
    public final void requireSameShapes(NamedMatrices other, String name) {
        Require.nonNull(other, name);
        if (!other.names.equals(names)) {
            throw new IllegalArgumentException(name + " must have parameters " + names + ", was " + other.names);
        }
        for (int k = 0; k < tensors.size(); k++) {
            DMatrixRMaj m = tensors.get(k);
            Require.shape(other.tensors.get(k), m.numRows, m.numCols, name + "." + names.get(k));
        }
    }
}
