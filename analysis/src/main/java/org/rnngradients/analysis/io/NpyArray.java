package org.rnngradients.analysis.io;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * A 0-, 1- or 2-D array of doubles as stored in a {@code .npy} file: its shape and its values in
 * C (row-major) order.
 */
public final class NpyArray {
    private final int[] shape;
    private final double[] data;

    /** An array of {@code shape} (0 to 2 dimensions) holding {@code data} in row-major order; both are copied. */
    public NpyArray(int[] shape, double[] data) {
        Require.nonNull(shape, "shape");
        Require.nonNull(data, "data");
        if (shape.length > 2) {
            throw new IllegalArgumentException("shape must have 0, 1 or 2 dimensions, was " + Arrays.toString(shape));
        }
        long n = 1;
        for (int k = 0; k < shape.length; k++) {
            n *= Require.nonNegative(shape[k], "shape[" + k + "]");
        }
        if (n != data.length) {
            throw new IllegalArgumentException("data length must be " + n + " for shape " + Arrays.toString(shape)
                    + ", was " + data.length);
        }
        this.shape = shape.clone();
        this.data = data.clone();
    }

    /** The 2-D array {@code rows × cols} holding the values of {@code m}. */
    public static NpyArray matrix(DMatrixRMaj m) {
        Require.nonNull(m, "m");
        return new NpyArray(new int[] {m.numRows, m.numCols}, Arrays.copyOf(m.data, m.getNumElements()));
    }

    /** The 1-D array holding the column vector {@code v} (n × 1), as PyTorch stores a bias. */
    public static NpyArray vector(DMatrixRMaj v) {
        Require.columnVector(v, "v");
        return new NpyArray(new int[] {v.numRows}, Arrays.copyOf(v.data, v.numRows));
    }

    /** The shape (a copy): {@code []}, {@code [n]} or {@code [rows, cols]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions (0, 1 or 2). */
    public int dimensions() {
        return shape.length;
    }

    /** The values in row-major order (a copy). */
    public double[] data() {
        return data.clone();
    }

    /** The shape as NumPy prints it, e.g. {@code (3,)} or {@code (4, 2)}. */
    public String shapeString() {
        return shapeString(shape);
    }

    /** {@code shape} as NumPy prints it. */
    static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) {
            s.append(k > 0 ? ", " : "").append(shape[k]);
        }
        return s.append(')').toString();
    }

    /** As a matrix: 2-D as is, 1-D as an n × 1 column vector, 0-D as 1 × 1. */
    public DMatrixRMaj toMatrix() {
        int rows = shape.length == 0 ? 1 : shape[0];
        int cols = shape.length == 2 ? shape[1] : 1;
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(data, 0, m.data, 0, data.length);
        return m;
    }

    /** True when the shapes are equal and every value has the same bits (so NaN equals NaN, 0.0 differs from −0.0). */
    public boolean sameBits(NpyArray other) {
        if (other == null || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int k = 0; k < data.length; k++) {
            if (Double.doubleToRawLongBits(data[k]) != Double.doubleToRawLongBits(other.data[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "NpyArray" + shapeString();
    }
}
