package org.rnngradients.linalg.internal;

import org.ejml.data.DMatrixRMaj;

/**
 * Argument checks for public entry points: each failure is an {@link IllegalArgumentException}
 * that names the argument and the offending value.
 */
public final class Require {
    private Require() {
    }

    /** Returns {@code value}, or throws when it is null. */
    public static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is NaN or infinite. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is NaN (infinities are allowed). */
    public static double notNaN(double value, String name) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must not be NaN, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is not finite and strictly positive. */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is not finite and at least zero. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is not strictly positive. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is negative. */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Returns {@code value}, or throws when it lies outside [lo, hi]. */
    public static int inRange(int value, int lo, int hi, String name) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], was " + value);
        }
        return value;
    }

    /** Returns {@code m}, or throws when it is null or holds a NaN or infinite entry (named by its position). */
    public static DMatrixRMaj finite(DMatrixRMaj m, String name) {
        nonNull(m, name);
        double[] data = m.data;
        int n = m.getNumElements();
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(data[k])) {
                int cols = Math.max(1, m.numCols);
                throw new IllegalArgumentException(name + " must be finite, entry (" + k / cols + ", "
                        + k % cols + ") was " + data[k]);
            }
        }
        return m;
    }

    /** Returns {@code values}, or throws when it is null or holds a NaN or infinite entry. */
    public static double[] finite(double[] values, String name) {
        nonNull(values, name);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " must be finite, entry [" + k + "] was " + values[k]);
            }
        }
        return values;
    }

    /** Returns {@code m}, or throws when it is null or not square. */
    public static DMatrixRMaj square(DMatrixRMaj m, String name) {
        nonNull(m, name);
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException(name + " must be square, was " + shapeOf(m));
        }
        return m;
    }

    /** Returns {@code m}, or throws when it is null or not {@code rows × cols}. */
    public static DMatrixRMaj shape(DMatrixRMaj m, int rows, int cols, String name) {
        nonNull(m, name);
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + "x" + cols + ", was " + shapeOf(m));
        }
        return m;
    }

    /** Returns {@code m}, or throws when it is null or not a column vector of length {@code n}. */
    public static DMatrixRMaj columnVector(DMatrixRMaj m, int n, String name) {
        return shape(m, n, 1, name);
    }

    /** Returns {@code m}, or throws when it is null or not a column vector of any positive length. */
    public static DMatrixRMaj columnVector(DMatrixRMaj m, String name) {
        nonNull(m, name);
        if (m.numCols != 1 || m.numRows < 1) {
            throw new IllegalArgumentException(name + " must be a column vector (n x 1), was " + shapeOf(m));
        }
        return m;
    }

    /** Returns {@code m}, or throws when it is null or has no entries. */
    public static DMatrixRMaj nonEmpty(DMatrixRMaj m, String name) {
        nonNull(m, name);
        if (m.numRows < 1 || m.numCols < 1) {
            throw new IllegalArgumentException(name + " must not be empty, was " + shapeOf(m));
        }
        return m;
    }

    /**
     * The largest array length every JVM allocates (the JDK's own soft limit); a {@code rows × cols} matrix needs
     * rows·cols entries in one array.
     */
    public static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /**
     * Returns rows·cols, or throws when either is negative or the product exceeds {@value #MAX_ENTRIES} (computed
     * without int overflow), naming both sizes: the check to make before allocating a {@code rows × cols} matrix.
     */
    public static int elementCount(int rows, int cols, String rowsName, String colsName) {
        nonNegative(rows, rowsName);
        nonNegative(cols, colsName);
        long count = (long) rows * cols;
        if (count > MAX_ENTRIES) {
            throw new IllegalArgumentException(rowsName + " x " + colsName + " = " + rows + " x " + cols + " = " + count
                    + " entries exceeds the largest array, " + MAX_ENTRIES + " entries");
        }
        return (int) count;
    }

    /** The shape as "rows x cols", for messages. */
    public static String shapeOf(DMatrixRMaj m) {
        nonNull(m, "m");
        return m.numRows + "x" + m.numCols;
    }
}
