package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class ScaledMatrixProductTest {

    @Test
    void emptyProductIsTheIdentity() {
        ScaledMatrixProduct p = new ScaledMatrixProduct(4);
        assertEquals(0, p.logSpectralNorm(), 1e-15);
        assertEquals(0.5 * Math.log(4), p.logFrobeniusNorm(), 1e-15);
        assertEquals(0, p.factors());
    }

    @Test
    void shortProductAgreesWithThePlainProduct() {
        // Ten factors of norm ≈ 1.5 stay representable, so the plain product is the oracle (1e-12 on logs).
        ScaledMatrixProduct p = new ScaledMatrixProduct(5);
        DMatrixRMaj plain = CommonOps_DDRM.identity(5);
        RandomSource random = RandomSource.seeded(4);
        for (int t = 0; t < 10; t++) {
            DMatrixRMaj a = RandomMatrices.uniform(new DMatrixRMaj(5, 5), 1, random);
            p.leftMultiply(a);
            plain = CommonOps_DDRM.mult(a, plain, null);
        }
        assertEquals(Math.log(Spectra.spectralNorm(plain)), p.logSpectralNorm(), 1e-12);
        assertEquals(Math.log(NormOps_DDRM.normF(plain)), p.logFrobeniusNorm(), 1e-12);
        assertEquals(10, p.factors());
    }

    @Test
    void longProductOfScaledRotationsHasLogNormTTimesLnC() {
        // (c·R_θ)^T has spectral norm c^T: 2000 ln 3 ≈ 2197 (3^2000 overflows) and 2000 ln 0.2 ≈ −3219.
        // Each step rounds once relative, so the accumulated log is good to about T·ε·few: 1e-10.
        for (double c : new double[] {3, 0.2}) {
            DMatrixRMaj a = TestMatrices.of(new double[][] {{c * Math.cos(0.3), -c * Math.sin(0.3)}, {c * Math.sin(0.3), c * Math.cos(0.3)}});
            ScaledMatrixProduct p = new ScaledMatrixProduct(2);
            for (int t = 0; t < 2000; t++) {
                p.leftMultiply(a);
            }
            assertEquals(2000 * Math.log(c), p.logSpectralNorm(), 1e-10);
            assertTrue(Double.isFinite(p.logScale()));
        }
    }

    @Test
    void multipliesOnTheLeftInTimeOrder() {
        // J₂J₁ ≠ J₁J₂: with J₁ = [[1, 0], [0, 0]] and J₂ = [[0, 1], [0, 0]], J₂J₁ = 0 but J₁J₂ ≠ 0.
        DMatrixRMaj j1 = TestMatrices.of(new double[][] {{1, 0}, {0, 0}});
        DMatrixRMaj j2 = TestMatrices.of(new double[][] {{0, 1}, {0, 0}});
        ScaledMatrixProduct p = new ScaledMatrixProduct(2).leftMultiply(j1).leftMultiply(j2);
        assertEquals(Double.NEGATIVE_INFINITY, p.logSpectralNorm());
        ScaledMatrixProduct q = new ScaledMatrixProduct(2).leftMultiply(j2).leftMultiply(j1);
        assertEquals(0, q.logSpectralNorm(), 1e-15);
        q.reset();
        assertEquals(0, q.factors());
        assertEquals(0, q.logSpectralNorm(), 1e-15);
    }

    @Test
    void leftMultiplyAllocatesNothing() {
        DMatrixRMaj a = TestMatrices.uniform(8, 8, 1, 9);
        ScaledMatrixProduct p = new ScaledMatrixProduct(8);
        long bytes = TestMatrices.bytesAllocated(() -> {
            p.leftMultiply(a);
            p.logSpectralNorm();
        }, 10_000);
        assertTrue(bytes < 16_000, "bytes " + bytes);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        assertMessage(() -> new ScaledMatrixProduct(0), "n", "0");
        ScaledMatrixProduct p = new ScaledMatrixProduct(3);
        assertMessage(() -> p.leftMultiply(new DMatrixRMaj(3, 2)), "a must be 3x3, was 3x2");
        assertMessage(() -> p.leftMultiply(null), "a must not be null");
        DMatrixRMaj nan = new DMatrixRMaj(3, 3);
        nan.set(0, 0, Double.NaN);
        assertMessage(() -> p.leftMultiply(nan), "a must be finite", "(0, 0) was NaN");
    }

    @Test
    void theScaleTimesTheUnitFactorIsTheProduct() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{3, 1}, {0, 2}});
        ScaledMatrixProduct p = new ScaledMatrixProduct(2).leftMultiply(a).leftMultiply(a);
        assertEquals(p.logFrobeniusNorm(), p.logScale(), 0);
        DMatrixRMaj product = p.normalisedFactor().copy();
        org.ejml.dense.row.CommonOps_DDRM.scale(Math.exp(p.logScale()), product);
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{9, 5}, {0, 4}});
        assertEquals(0, TestMatrices.maxAbsDifference(expected, product), 1e-14);
    }
}
