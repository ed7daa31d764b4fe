package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Householder QR is backward stable: QR = A + E with ‖E‖ ≲ c·n·ε‖A‖, and QᵀQ = I to c·n·ε. For
 * sizes ≤ 8 the tolerances below, 1e-13 relative to max|A| and 1e-13 absolute for QᵀQ (≈ 450 ε),
 * hold with room to spare.
 */
class PositiveQrProperties {

    @Property(tries = 1000)
    void qrReconstructsAWithOrthonormalQAndNonNegativeUpperTriangularR(
            @ForAll @IntRange(min = 1, max = 8) int cols, @ForAll @IntRange(min = 0, max = 7) int extraRows,
            @ForAll @IntRange(min = -3, max = 3) int decade, @ForAll long seed) {
        int rows = cols + extraRows;
        DMatrixRMaj a = TestMatrices.uniform(rows, cols, Math.pow(10, decade), seed);
        DMatrixRMaj q = new DMatrixRMaj(rows, cols);
        DMatrixRMaj r = new DMatrixRMaj(cols, cols);
        new PositiveQr(rows, cols).decompose(a, q, r);

        double scale = CommonOps_DDRM.elementMaxAbs(a);
        double reconstruction = TestMatrices.maxAbsDifference(CommonOps_DDRM.mult(q, r, null), a);
        assertTrue(reconstruction <= 1e-13 * scale, "max |QR − A| = " + reconstruction);
        double orthonormality = TestMatrices.maxAbsDifference(
                CommonOps_DDRM.multTransA(q, q, null), CommonOps_DDRM.identity(cols));
        assertTrue(orthonormality <= 1e-13, "max |QᵀQ − I| = " + orthonormality);
        for (int i = 0; i < cols; i++) {
            assertTrue(r.get(i, i) >= 0, "R_" + i + i + " = " + r.get(i, i));
            for (int j = 0; j < i; j++) {
                assertEquals(0, r.get(i, j), "R below the diagonal");
            }
        }
    }

    @Property(tries = 1000)
    void positiveQrIsUniqueSoItIsInvariantUnderColumnSignsOfQ(
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        // For full-rank A the factor R with positive diagonal is unique: A and (A with rows negated,
        // i.e. D·A for D = ±1 diagonal) have the same R, since (DA)ᵀ(DA) = AᵀA = RᵀR. Both computed R
        // are exact for A perturbed by O(nε), which moves R by at most about κ₂(A)·nε·max|R|:
        // tolerance 1e-13·κ₂(A)·max|R|.
        DMatrixRMaj a = TestMatrices.uniform(n, n, 1, seed);
        DMatrixRMaj flipped = a.copy();
        RandomSource signs = RandomSource.seeded(seed).fork("signs");
        for (int i = 0; i < n; i++) {
            if (signs.uniform() < 0.5) {
                for (int j = 0; j < n; j++) {
                    flipped.set(i, j, -flipped.get(i, j));
                }
            }
        }
        PositiveQr qr = new PositiveQr(n, n);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        DMatrixRMaj r1 = new DMatrixRMaj(n, n);
        DMatrixRMaj r2 = new DMatrixRMaj(n, n);
        qr.decompose(a, q, r1);
        qr.decompose(flipped, q, r2);
        double difference = TestMatrices.maxAbsDifference(r1, r2);
        double tolerance = 1e-13 * Spectra.conditionNumber(a) * CommonOps_DDRM.elementMaxAbs(r1);
        assertTrue(difference <= tolerance, "max |R₁ − R₂| = " + difference + " > " + tolerance);
    }
}
