package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomSource;

/**
 * The QR adjoint Ā = (Q̄ + Q copyltu(R R̄ᵀ − Q̄ᵀQ)) R⁻ᵀ against central finite differences of
 * F(A) = ⟨Q̄, Q(A)⟩ + ⟨R̄, R(A)⟩ for random shapes m ≥ k, with random Q̄ and upper-triangular R̄.
 * A = U diag(σ) Vᵀ with Haar-random U (m × k), V (k × k) and σ_i ∈ [1, 3], so κ₂(A) ≤ 3, the
 * derivatives of the factors are O(1) and the FD error with h = 1e-5 is about 1e-9 (h² and ε·|F|/h, |F| up to ~30);
 * the tolerance is 1e-7 relative, absolute below 1e-2.
 */
class QrAdjointProperties {

    @Property(tries = 300)
    void theQrAdjointEqualsFiniteDifferences(@ForAll @IntRange(min = 1, max = 6) int cols,
                                             @ForAll @IntRange(min = 0, max = 5) int extraRows, @ForAll long seed) {
        int rows = cols + extraRows;
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj a = conditioned(rows, cols, random.fork("a"));
        DMatrixRMaj qBar = FlossFixtures.gaussian(rows, cols, random.fork("qBar"));
        DMatrixRMaj rBar = FlossFixtures.gaussian(cols, cols, random.fork("rBar"));
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < i; j++) {
                rBar.set(i, j, 0);
            }
        }
        PositiveQr qr = new PositiveQr(rows, cols);
        DMatrixRMaj q = new DMatrixRMaj(rows, cols);
        DMatrixRMaj r = new DMatrixRMaj(cols, cols);
        qr.decompose(a, q, r);
        DMatrixRMaj aBar = new DMatrixRMaj(rows, cols);
        new QrAdjoint(rows, cols).adjoint(q, r, qBar, rBar, aBar);

        DMatrixRMaj numeric = FiniteDifferences.gradient(m -> {
            qr.decompose(m, q, r);
            return inner(qBar, q) + inner(rBar, r);
        }, a, 1e-5, new DMatrixRMaj(rows, cols));
        double error = FiniteDifferences.maxRelativeError(aBar, numeric, 1e-2);
        assertTrue(error < 1e-7, rows + "x" + cols + ": relative error " + error);
    }

    @Example
    void theLogDiagonalAloneGivesQTimesTheInverseTransposeOfRsDiagonal() {
        // F = Σ ln R_ii, R̄ = diag(1/R_ii), Q̄ = 0: then M = R R̄ᵀ is upper triangular with unit
        // diagonal, copyltu(M) = I and Ā = Q R⁻ᵀ; for square A that is A⁻ᵀ, the gradient of ln|det A|.
        DMatrixRMaj a = FlossFixtures.gaussian(4, 4, RandomSource.seeded(5));
        DMatrixRMaj q = new DMatrixRMaj(4, 4);
        DMatrixRMaj r = new DMatrixRMaj(4, 4);
        new PositiveQr(4, 4).decompose(a, q, r);
        DMatrixRMaj rBar = new DMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            rBar.set(i, i, 1 / r.get(i, i));
        }
        DMatrixRMaj aBar = new DMatrixRMaj(4, 4);
        new QrAdjoint(4, 4).adjoint(q, r, new DMatrixRMaj(4, 4), rBar, aBar);
        DMatrixRMaj inverseTranspose = new DMatrixRMaj(4, 4);
        org.ejml.dense.row.CommonOps_DDRM.invert(a, inverseTranspose);
        org.ejml.dense.row.CommonOps_DDRM.transpose(inverseTranspose);
        assertTrue(FlossFixtures.maxAbsDifference(inverseTranspose, aBar) < 1e-12 * maxAbs(inverseTranspose));
    }

    @Example
    void aZeroDiagonalEntryIsNotDifferentiable() {
        DMatrixRMaj q = new DMatrixRMaj(3, 2);
        DMatrixRMaj r = new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}});
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new QrAdjoint(3, 2).adjoint(q, r, new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 2), new DMatrixRMaj(3, 2)));
        assertEquals("the QR derivative needs R_ii > 0 (full column rank), entry (1, 1) was 0.0", e.getMessage());
    }

    @Example
    void shapesAreChecked() {
        assertEquals("rows must be >= cols for a thin QR, was rows=2, cols=3",
                assertThrows(IllegalArgumentException.class, () -> new QrAdjoint(2, 3)).getMessage());
        QrAdjoint adjoint = new QrAdjoint(3, 2);
        assertEquals("rBar must be 2x2, was 3x2", assertThrows(IllegalArgumentException.class,
                () -> adjoint.adjoint(new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 2), new DMatrixRMaj(3, 2),
                        new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2))).getMessage());
    }

    /** U diag(σ) Vᵀ with σ_i uniform in [1, 3]. */
    private static DMatrixRMaj conditioned(int rows, int cols, RandomSource random) {
        DMatrixRMaj u = org.rnngradients.linalg.RandomMatrices.orthogonal(new DMatrixRMaj(rows, cols), random.fork("u"));
        DMatrixRMaj v = org.rnngradients.linalg.RandomMatrices.orthogonal(new DMatrixRMaj(cols, cols), random.fork("v"));
        RandomSource sigmas = random.fork("sigma");
        for (int j = 0; j < cols; j++) {
            double sigma = sigmas.uniform(1, 3);
            for (int i = 0; i < rows; i++) {
                u.set(i, j, u.get(i, j) * sigma);
            }
        }
        return org.ejml.dense.row.CommonOps_DDRM.multTransB(u, v, null);
    }

    private static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            s += a.data[k] * b.data[k];
        }
        return s;
    }

    private static double maxAbs(DMatrixRMaj a) {
        return org.ejml.dense.row.CommonOps_DDRM.elementMaxAbs(a);
    }
}
