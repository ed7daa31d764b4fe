package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * An n × n matrix C stored row by row as C_i = e^{c_i} u_i with ‖u_i‖₂ = 1 and the log-scale c_i
 * kept separately, so rows whose norms differ by e^{±10000} sit side by side without under- or
 * overflow. Two operations are needed for products of Jacobians: left multiplication by an upper
 * triangular factor (the R of a QR step) and the singular values, found by one-sided Jacobi
 * rotations written in terms of the scale ratio e^{c_q − c_p} so that no rotation ever forms a
 * huge or tiny number. A workspace: nothing is allocated after construction. The representation behind
 * {@link ProductSingularValues}, not an API of its own.
 */
final class LogScaledRows {
    /** Jacobi treats two unit rows as orthogonal when |cos angle| ≤ this times n (rounding level). */
    static final double ORTHOGONALITY_TOLERANCE = 4 * Math.ulp(1.0);
    /** Upper limit on Jacobi sweeps (convergence is quadratic; a few sweeps suffice in practice). */
    static final int MAX_SWEEPS = 60;

    private final int n;
    private final double[] u;
    private final double[] c;
    private final double[] workRows;
    private final double[] workScales;
    private final double[] row;

    /** A workspace for n × n matrices, initially the identity. */
    LogScaledRows(int n) {
        this.n = Require.positive(n, "n");
        this.u = new double[n * n];
        this.c = new double[n];
        this.workRows = new double[n * n];
        this.workScales = new double[n];
        this.row = new double[n];
        setIdentity();
    }

    /** The size n. */
    int size() {
        return n;
    }

    /** Sets C = I. */
    void setIdentity() {
        Arrays.fill(u, 0);
        Arrays.fill(c, 0);
        for (int i = 0; i < n; i++) {
            u[i * n + i] = 1;
        }
    }

    /** ln‖C_i‖₂, the log-norm of row i (−∞ for a zero row). */
    double logRowNorm(int i) {
        return c[Require.inRange(i, 0, n - 1, "i")];
    }

    // tag::log-scaled-triangular-update[]
    /**
     * C ← R·C for an upper triangular R (n × n, finite). Row i of the result is Σ_{j ≥ i} R_ij C_j;
     * each term is scaled by the largest e^{ln|R_ij| + c_j} before summing, so the coefficients are
     * at most 1. Rows are updated in increasing i, which only reads rows not yet overwritten.
     */
    void multiplyLeftUpperTriangular(DMatrixRMaj r) {
        Require.shape(r, n, n, "r");
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = i; j < n; j++) {
                double rij = r.unsafe_get(i, j);
                if (rij != 0 && c[j] != Double.NEGATIVE_INFINITY) {
                    m = Math.max(m, Math.log(Math.abs(rij)) + c[j]);
                }
            }
            Arrays.fill(row, 0);
            if (m != Double.NEGATIVE_INFINITY) {
                for (int j = i; j < n; j++) {
                    double rij = r.unsafe_get(i, j);
                    if (rij != 0 && c[j] != Double.NEGATIVE_INFINITY) {
                        addScaled(row, u, j * n, rij * Math.exp(c[j] - m));
                    }
                }
            }
            System.arraycopy(row, 0, u, i * n, n);
            c[i] = m + LogSpace.normalise(u, i * n, n);
        }
    }
    // end::log-scaled-triangular-update[]

    /**
     * Writes ln σ_1 ≥ … ≥ ln σ_n of C into {@code out} (length n; −∞ for a zero singular value), by
     * one-sided Jacobi on a copy of the rows: rotate pairs of rows until all are orthogonal; then
     * the singular values are the row norms. C itself is not changed.
     */
    double[] logSingularValues(double[] out) {
        Require.nonNull(out, "out");
        if (out.length != n) {
            throw new IllegalArgumentException("out must have length " + n + ", was " + out.length);
        }
        System.arraycopy(u, 0, workRows, 0, n * n);
        System.arraycopy(c, 0, workScales, 0, n);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (!jacobiSweep(workRows, workScales)) {
                break;
            }
        }
        System.arraycopy(workScales, 0, out, 0, n);
        Arrays.sort(out);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** One sweep over all pairs; returns whether any pair was still far from orthogonal. */
    private boolean jacobiSweep(double[] rows, double[] scales) {
        boolean rotated = false;
        for (int p = 0; p < n - 1; p++) {
            for (int q = p + 1; q < n; q++) {
                if (scales[p] == Double.NEGATIVE_INFINITY || scales[q] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double cosine = dot(rows, p * n, q * n);
                if (Math.abs(cosine) > ORTHOGONALITY_TOLERANCE * n) {
                    rotated = true;
                    if (scales[p] >= scales[q]) {
                        rotate(rows, scales, p, q, cosine);
                    } else {
                        rotate(rows, scales, q, p, cosine);
                    }
                }
            }
        }
        return rotated;
    }

    // tag::log-scaled-jacobi-rotation[]
    /**
     * Orthogonalises rows a = e^{c_p} u_p and b = e^{c_q} u_q (c_p ≥ c_q, cosine γ = u_p·u_q) by the
     * Jacobi rotation that diagonalises their 2 × 2 Gram matrix. With r = e^{c_q − c_p} ≤ 1 and
     * w = (r² − 1)/(2γ), the rotation's tangent is t = rτ with τ = sign(w)/(|w| + √(r² + w²)), and
     * a' = e^{c_p} cos·(u_p − τ r² u_q), b' = e^{c_q} cos·(u_q + τ u_p): bounded numbers only.
     */
    private void rotate(double[] rows, double[] scales, int p, int q, double cosine) {
        double r = Math.exp(scales[q] - scales[p]);
        double w = (r * r - 1) / (2 * cosine);
        double tau = w == 0 ? 1 : Math.signum(w) / (Math.abs(w) + Math.sqrt(r * r + w * w));   // w = 0 only when r = 1
        double t = r * tau;
        double cos = 1 / Math.sqrt(1 + t * t);
        int pi = p * n;
        int qi = q * n;
        for (int k = 0; k < n; k++) {
            double up = rows[pi + k];
            double uq = rows[qi + k];
            rows[pi + k] = up - tau * r * r * uq;
            rows[qi + k] = uq + tau * up;
        }
        scales[p] += Math.log(cos) + LogSpace.normalise(rows, pi, n);
        scales[q] += Math.log(cos) + LogSpace.normalise(rows, qi, n);
    }
    // end::log-scaled-jacobi-rotation[]

    private double dot(double[] rows, int a, int b) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += rows[a + k] * rows[b + k];
        }
        return s;
    }

    private static void addScaled(double[] target, double[] source, int offset, double factor) {
        for (int k = 0; k < target.length; k++) {
            target[k] += factor * source[offset + k];
        }
    }
}
