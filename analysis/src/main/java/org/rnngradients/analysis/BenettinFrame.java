package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * The k tangent directions of Benettin's method and their buffers: the frame Q and its image Y (n × k),
 * R (k × k) and the QR workspace. Between re-orthonormalisations each column of the propagated frame is
 * rescaled by a power of two whenever its largest entry leaves [2⁻⁶⁴, 2⁶⁴]; the scaling is exact, commutes
 * with the Jacobians (they act on columns) and only multiplies R's columns, so the exponents carried in
 * {@link #scaleExponents} restore ln R_ii exactly while no entry ever under- or overflows.
 *
 * <p>Exact zeros. Units whose derivative is exactly zero give J_t, and so the image J_t·Q, exactly zero
 * rows. When those rows leave fewer dimensions than there are directions, the QR must report the lost
 * directions as R_ii = 0 exactly, not as rounding noise: the interval ends at that step, and the zero rows
 * are moved below the others for the QR (a row permutation, undone on Q afterwards), where Householder
 * reflections keep them exactly zero. Nothing allocates after construction.
 */
final class BenettinFrame {
    private static final double LN_2 = Math.log(2);
    private static final int RANGE_EXPONENT = 64;

    final int n;
    final int k;
    DMatrixRMaj q;
    private DMatrixRMaj y;
    final DMatrixRMaj r;
    final PositiveQr qr;
    /** The power-of-two exponents taken out of each column since the last QR. */
    private final long[] scaleExponents;
    private final double[] columnMax;
    /** ln‖y_i‖ of the propagated columns just before the QR (in the scaled units of R). */
    private final double[] columnLogNorm;
    /** ln R_ii of the last interval with the scales put back: the log growth of direction i. */
    final double[] logGrowth;
    /** Row order for the QR: the image's non-zero rows first, then its exactly zero rows. */
    private final int[] rowOrder;
    private int zeroRows;
    private long stepsTaken;

    /** A Haar-random orthonormal n × k frame from {@code seed}. */
    BenettinFrame(int n, int k, long seed) {
        this.n = n;
        this.k = k;
        this.q = RandomMatrices.orthogonal(new DMatrixRMaj(n, k), RandomSource.seeded(seed).fork("lyapunov-frame"));
        this.y = new DMatrixRMaj(n, k);
        this.r = new DMatrixRMaj(k, k);
        this.qr = new PositiveQr(n, k);
        this.scaleExponents = new long[k];
        this.columnMax = new double[k];
        this.columnLogNorm = new double[k];
        this.logGrowth = new double[k];
        this.rowOrder = new int[n];
    }

    /**
     * One step Q ← J_t·Q through the source, then the exact rescaling of columns out of range. Returns
     * whether the image has so many exactly zero rows that some direction is exactly lost: then the QR must
     * come now, before the next Jacobian mixes those rows.
     */
    boolean propagate(JacobianSource source) {
        source.advance(q, y);
        DMatrixRMaj swap = q;
        q = y;
        y = swap;
        stepsTaken++;
        keepInRange();
        return zeroRows > 0 && k > n - zeroRows;
    }

    private void keepInRange() {
        java.util.Arrays.fill(columnMax, 0);
        zeroRows = 0;
        for (int i = 0; i < n; i++) {
            int row = i * k;
            double rowMax = 0;
            for (int j = 0; j < k; j++) {
                double x = Math.abs(q.data[row + j]);
                if (!(x <= Double.MAX_VALUE)) {
                    throw new ArithmeticException("J_t·Q has a non-finite entry (" + i + ", " + j + ") at step "
                            + stepsTaken + ": the source's step Jacobian is not finite or too large to apply");
                }
                columnMax[j] = Math.max(columnMax[j], x);
                rowMax = Math.max(rowMax, x);
            }
            if (rowMax == 0) {
                zeroRows++;
            }
        }
        for (int j = 0; j < k; j++) {
            int e = Math.getExponent(columnMax[j]);
            if (columnMax[j] > 0 && Math.abs(e) > RANGE_EXPONENT) {
                scaleColumn(j, Math.scalb(1.0, -e));
                scaleExponents[j] += e;
            }
        }
    }

    private void scaleColumn(int j, double factor) {
        for (int i = 0; i < n; i++) {
            q.data[i * k + j] *= factor;
        }
    }

    /** The re-orthonormalisation Y = QR in place; afterwards {@link #logGrowth} holds ln R_ii with the scales restored. */
    void reorthonormalise() {
        measureColumns();
        if (zeroRows == 0) {
            qr.decompose(q, q, r);
        } else {
            decomposeWithZeroRowsLast();
        }
        for (int i = 0; i < k; i++) {
            logGrowth[i] = Math.log(r.unsafe_get(i, i)) + scaleExponents[i] * LN_2;
            scaleExponents[i] = 0;
        }
    }

    /** QR of P·Y with Y's exactly zero rows moved last (P a permutation), then Q ← Pᵀ·Q. */
    private void decomposeWithZeroRowsLast() {
        int next = 0;
        int last = n - zeroRows;
        for (int i = 0; i < n; i++) {
            boolean zero = true;
            for (int j = 0; j < k && zero; j++) {
                zero = q.data[i * k + j] == 0;
            }
            rowOrder[zero ? last++ : next++] = i;
        }
        for (int p = 0; p < n; p++) {
            System.arraycopy(q.data, rowOrder[p] * k, y.data, p * k, k);
        }
        qr.decompose(y, y, r);
        for (int p = 0; p < n; p++) {
            System.arraycopy(y.data, p * k, q.data, rowOrder[p] * k, k);
        }
    }

    /** ln‖y_i‖ per column; the range invariant (largest entry within 2^±65) keeps the squares representable. */
    private void measureColumns() {
        java.util.Arrays.fill(columnLogNorm, 0);
        for (int i = 0; i < n; i++) {
            int row = i * k;
            for (int j = 0; j < k; j++) {
                columnLogNorm[j] += q.data[row + j] * q.data[row + j];
            }
        }
        for (int j = 0; j < k; j++) {
            columnLogNorm[j] = 0.5 * Math.log(columnLogNorm[j]);
        }
    }

    /**
     * The precision the last QR lost: max over directions with R_ii > 0 of ln(‖y_i‖/R_ii), how far column i
     * had collapsed onto the columns before it. R_ii then carries a relative rounding error of about e^loss·u.
     */
    double loss() {
        double worst = 0;
        for (int i = 0; i < k; i++) {
            double rii = r.unsafe_get(i, i);
            if (rii > 0) {
                worst = Math.max(worst, columnLogNorm[i] - Math.log(rii));
            }
        }
        return worst;
    }

    /** The spread max ln R_ii − min ln R_ii of the last interval over the directions not exactly lost. */
    double spread() {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double g : logGrowth) {
            if (g != Double.NEGATIVE_INFINITY) {
                max = Math.max(max, g);
                min = Math.min(min, g);
            }
        }
        return max >= min ? max - min : 0;
    }

    /** How many steps the frame has been propagated. */
    long stepsTaken() {
        return stepsTaken;
    }
}
