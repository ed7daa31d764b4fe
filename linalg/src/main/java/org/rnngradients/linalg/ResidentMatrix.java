package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;

/**
 * A snapshot of a matrix A held in the backend's own memory, for a left operand that many products
 * reuse while it does not change (W_hh over one batch's forward and backward pass, W over a whole
 * Lyapunov run). Multiplying by it copies only the right operand and the result, not A. The snapshot
 * is taken by {@link #of} and renewed by {@link #refresh}; changes to the source matrix in between
 * are not seen, on every backend alike.
 */
public final class ResidentMatrix implements AutoCloseable {
    private final DMatrixRMaj source;
    private final int rows;
    private final int cols;
    private final Backend.Resident resident;
    private boolean closed;

    private ResidentMatrix(DMatrixRMaj source) {
        this.source = source;
        this.rows = source.numRows;
        this.cols = source.numCols;
        this.resident = Backend.current().kernels().resident(source);
    }

    /** A snapshot of {@code a} (finite entries) on the current backend. */
    public static ResidentMatrix of(DMatrixRMaj a) {
        Require.nonEmpty(a, "a");
        Require.finite(a, "a");
        return new ResidentMatrix(a);
    }

    /** Re-reads the source matrix (same shape, finite entries) into the snapshot. */
    public ResidentMatrix refresh() {
        requireOpen();
        Require.shape(source, rows, cols, "source");
        Require.finite(source, "source");
        resident.upload(source);
        return this;
    }

    /** Rows of A. */
    public int rows() {
        return rows;
    }

    /** Columns of A. */
    public int cols() {
        return cols;
    }

    /** c = α·op(A)·b + β·c with op(A) = Aᵀ when {@code transpose}; {@code c} allocated when null. */
    public DMatrixRMaj gemm(double alpha, boolean transpose, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        requireOpen();
        Require.nonNull(b, "b");
        Require.finite(alpha, "alpha");
        Require.finite(beta, "beta");
        int m = transpose ? cols : rows;
        int k = transpose ? rows : cols;
        if (b.numRows != k) {
            throw new IllegalArgumentException("b must have " + k + " rows, was " + Require.shapeOf(b));
        }
        if (c == null) {
            c = new DMatrixRMaj(m, b.numCols);
            beta = 0;
        } else {
            Require.shape(c, m, b.numCols, "c");
            if (c == b || c.data == b.data) {
                throw new IllegalArgumentException("c must not share its storage with b");
            }
        }
        if (b.numCols == 0) {
            return c;
        }
        if (alpha == 0) {
            return MatrixProducts.scaled(beta, c);
        }
        resident.gemm(alpha, transpose, b, beta, c);
        return c;
    }

    /** c = A·b. */
    public DMatrixRMaj mult(DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, false, b, 0, c);
    }

    /** c = Aᵀ·b. */
    public DMatrixRMaj multTransA(DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, true, b, 0, c);
    }

    /** c += A·b. */
    public DMatrixRMaj multAdd(DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, false, b, 1, Require.nonNull(c, "c"));
    }

    /** c += Aᵀ·b. */
    public DMatrixRMaj multAddTransA(DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, true, b, 1, Require.nonNull(c, "c"));
    }

    /** Frees the backend's copy now rather than when collected; later products throw. */
    @Override
    public void close() {
        closed = true;
        resident.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this resident matrix was closed");
        }
    }
}
