package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class ProductSingularValuesTest {
    private static final int LONG = 10_000;

    private static double[] powerSpectrum(DMatrixRMaj w, int power) {
        ProductSingularValues product = new ProductSingularValues(w.numRows);
        for (int t = 0; t < power; t++) {
            product.multiplyLeft(w);
        }
        return product.logSingularValues(new double[w.numRows]);
    }

    @Test
    void scaledOrthogonalPowerHasClosedFormSingularValuesAtTenThousandSteps() {
        for (double rho : new double[] {1.5, 0.5}) {
            DMatrixRMaj w = new DMatrixRMaj(5, 5);
            Initialiser.orthogonal(rho).initialise(w, RandomSource.seeded(7));
            double[] logSigma = powerSpectrum(w, LONG);
            for (double s : logSigma) {
                assertTrue(Double.isFinite(s));
                assertEquals(LONG * Math.log(rho), s, 1e-10 * LONG, "rho=" + rho);
            }
        }
    }

    @Test
    void normalPowerMixingGrowthAndDecaySpansTenThousandNatsWithoutOverflow() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {1.5, 0.8}, new double[] {0.5, -1.2}, RandomSource.seeded(3));
        double[] logSigma = powerSpectrum(w, LONG);
        double[] expected = {Math.log(1.5), Math.log(1.5), Math.log(1.2), Math.log(0.8), Math.log(0.8), Math.log(0.5)};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(LONG * expected[i], logSigma[i], 1e-10 * LONG, "ln sigma_" + (i + 1));
        }
    }

    @Test
    void emptyProductIsTheIdentity() {
        assertArrayEquals(new double[3], new ProductSingularValues(3).logSingularValues(new double[3]), 0);
    }

    @Test
    void rotatingConstructionReturnsToNormOneAfterEveryTwoSteps() {
        // J = diag(σ, 1/σ)·[[0, −1], [1, 0]] with σ = 3: ‖J‖ = 3 but J² = −I.
        DMatrixRMaj j = TestMatrices.of(new double[][] {{0, -3}, {1.0 / 3, 0}});
        ProductSingularValues product = new ProductSingularValues(2);
        for (int t = 0; t < 1000; t++) {
            product.multiplyLeft(j);
        }
        assertArrayEquals(new double[2], product.logSingularValues(new double[2]), 1e-10);
    }

    @Test
    void singularFactorGivesMinusInfinityForTheLostDirection() {
        DMatrixRMaj projector = new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}});
        DMatrixRMaj rotation = new DMatrixRMaj(new double[][] {{0.6, -0.8}, {0.8, 0.6}});
        double[] logSigma = ProductSingularValues.of(List.of(rotation, projector, rotation));
        assertEquals(0, logSigma[0], 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, logSigma[1]);
    }

    @Test
    void transposedMultiplicationGivesTheSameSpectrumAsTheProductItself() {
        List<DMatrixRMaj> f = TestMatrices.gaussianFactors(4, 30, 0.7, RandomSource.seeded(11));
        ProductSingularValues transposed = new ProductSingularValues(4);
        for (int t = f.size() - 1; t >= 0; t--) {
            transposed.multiplyLeftTransposed(f.get(t));
        }
        assertArrayEquals(ProductSingularValues.of(f), transposed.logSingularValues(new double[4]), 1e-10);
    }

    @Test
    void resetReturnsToTheEmptyProduct() {
        ProductSingularValues product = new ProductSingularValues(2);
        product.multiplyLeft(CommonOps_DDRM.diag(3, 0.1));
        product.reset();
        assertEquals(0, product.factors());
        assertEquals(0, product.logSpectralNorm(), 0);
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        ProductSingularValues product = new ProductSingularValues(2);
        assertMessage(() -> new ProductSingularValues(0), "n must be > 0, was 0");
        assertMessage(() -> product.multiplyLeft(new DMatrixRMaj(3, 3)), "f must be 2x2, was 3x3");
        assertMessage(() -> product.multiplyLeftTransposed(null), "f must not be null");
        DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{Double.NaN, 0}, {0, 1}});
        assertMessage(() -> product.multiplyLeft(nan), "f must be finite", "(0, 0)", "NaN");
        assertMessage(() -> ProductSingularValues.of(List.of()), "factors must not be empty");
        assertMessage(() -> ProductSingularValues.of(null), "factors must not be null");
        assertMessage(() -> product.logSingularValues(new double[3]), "out must have length 2, was 3");
        assertEquals(0, product.factors(), "a refused factor is not multiplied in");
    }

    @Test
    void resetForgetsTheOrthogonalFactorTooSoTheSameFactorsGiveTheSameSpectrum() {
        DMatrixRMaj f = TestMatrices.of(new double[][] {{1, 3}, {0.5, -2}});
        DMatrixRMaj g = TestMatrices.of(new double[][] {{0, 1}, {-1, 4}});
        ProductSingularValues used = new ProductSingularValues(2);
        used.multiplyLeft(f);
        used.multiplyLeft(g);
        assertEquals(2, used.factors());
        assertEquals(2, used.dimension());
        used.reset();
        assertEquals(0, used.factors());
        used.multiplyLeft(g);
        ProductSingularValues fresh = new ProductSingularValues(2);
        fresh.multiplyLeft(g);
        assertArrayEquals(fresh.logSingularValues(new double[2]), used.logSingularValues(new double[2]), 1e-14);
    }
}
