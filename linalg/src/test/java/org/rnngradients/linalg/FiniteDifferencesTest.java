package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {
    private static final DMatrixRMaj A = TestMatrices.of(new double[][] {{2, 1, 0}, {1, 3, -1}, {0, -1, 4}});
    private static final DMatrixRMaj B = TestMatrices.column(0.5, -1, 2);

    /** f(x) = ½ xᵀAx + bᵀx, whose gradient is Ax + b (A symmetric). */
    private static final ToDoubleFunction<DMatrixRMaj> QUADRATIC = x ->
            0.5 * CommonOps_DDRM.dot(x, CommonOps_DDRM.mult(A, x, null)) + CommonOps_DDRM.dot(B, x);

    private static DMatrixRMaj exactQuadraticGradient(DMatrixRMaj x) {
        return CommonOps_DDRM.add(CommonOps_DDRM.mult(A, x, null), B, null);
    }

    @Test
    void centralDifferenceIsExactOnQuadraticsForAnyStep() {
        // The third derivative vanishes, so only rounding remains: about ε·|f|/h. With h = 0.5 that is
        // ≈ 1e-15, so 1e-13 relative; with the default h = 1e-6 it is ≈ 1e-9, so 1e-8.
        DMatrixRMaj x = TestMatrices.column(0.3, -0.7, 1.1);
        DMatrixRMaj exact = exactQuadraticGradient(x);
        DMatrixRMaj coarse = FiniteDifferences.gradient(QUADRATIC, x, 0.5, new DMatrixRMaj(3, 1));
        DMatrixRMaj fine = FiniteDifferences.gradient(QUADRATIC, x, FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(3, 1));
        assertTrue(FiniteDifferences.maxRelativeError(coarse, exact, 1e-3) <= 1e-13);
        assertTrue(FiniteDifferences.maxRelativeError(fine, exact, 1e-3) <= 1e-8);
    }

    @Test
    void truncationErrorOnACubicIsHSquared() {
        // d/dx x³ at 1 is 3; the central difference gives 3 + h² exactly in real arithmetic.
        DMatrixRMaj x = TestMatrices.column(1);
        double h = 1e-3;
        double fd = FiniteDifferences.gradient(v -> Math.pow(v.get(0, 0), 3), x, h, new DMatrixRMaj(1, 1)).get(0, 0);
        assertEquals(3 + h * h, fd, 1e-11);
    }

    @Test
    void jacobianOfAKnownVectorMapMatchesItsAnalyticJacobian() {
        // f(x) = (x₀x₁, sin x₀, x₁² + 3x₂); truncation ≈ h²·|f'''|/6 ≈ 1e-13 and rounding ≈ ε/h ≈ 2e-10.
        BiConsumer<DMatrixRMaj, DMatrixRMaj> f = (x, out) -> {
            out.set(0, 0, x.get(0, 0) * x.get(1, 0));
            out.set(1, 0, Math.sin(x.get(0, 0)));
            out.set(2, 0, x.get(1, 0) * x.get(1, 0) + 3 * x.get(2, 0));
        };
        DMatrixRMaj x = TestMatrices.column(0.4, -1.3, 2.0);
        DMatrixRMaj exact = TestMatrices.of(new double[][] {
            {-1.3, 0.4, 0}, {Math.cos(0.4), 0, 0}, {0, -2.6, 3}});
        DMatrixRMaj fd = FiniteDifferences.jacobian(f, x, FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(3, 3));
        assertTrue(FiniteDifferences.maxRelativeError(fd, exact, 1) <= 1e-9, "error " + FiniteDifferences.maxRelativeError(fd, exact, 1));
    }

    @Test
    void theInputIsRestoredBitForBit() {
        DMatrixRMaj x = TestMatrices.column(0.1, 1.0 / 3, -7e-5);
        DMatrixRMaj before = x.copy();
        FiniteDifferences.gradient(QUADRATIC, x, 1e-6, new DMatrixRMaj(3, 1));
        FiniteDifferences.jacobian((v, out) -> out.set(0, 0, v.get(1, 0)), x, 1e-6, new DMatrixRMaj(1, 3));
        assertArrayEquals(before.data, x.data);
    }

    @Test
    void maxRelativeErrorIsRelativeAboveTheFloorAndAbsoluteBelowIt() {
        DMatrixRMaj a = TestMatrices.column(100, 1e-9);
        DMatrixRMaj b = TestMatrices.column(101, 3e-9);
        // |100 − 101| / 101 ≈ 0.0099; |1e-9 − 3e-9| / 1e-6 = 0.002.
        assertEquals(1.0 / 101, FiniteDifferences.maxRelativeError(a, b, 1e-6), 1e-15);
        assertEquals(2e-9 / 1e-6, FiniteDifferences.maxRelativeError(TestMatrices.column(1e-9), TestMatrices.column(3e-9), 1e-6), 1e-15);
        assertTrue(Double.isNaN(FiniteDifferences.maxRelativeError(TestMatrices.column(Double.NaN), TestMatrices.column(1), 1)));
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        DMatrixRMaj x = TestMatrices.column(1, 2);
        assertMessage(() -> FiniteDifferences.gradient(null, x, 1e-6, new DMatrixRMaj(2, 1)), "f must not be null");
        assertMessage(() -> FiniteDifferences.gradient(QUADRATIC, x, 0, new DMatrixRMaj(2, 1)), "h", "0.0");
        assertMessage(() -> FiniteDifferences.gradient(QUADRATIC, x, 1e-6, new DMatrixRMaj(3, 1)), "out must be 2x1, was 3x1");
        assertMessage(() -> FiniteDifferences.gradient(QUADRATIC, new DMatrixRMaj(0, 1), 1e-6, new DMatrixRMaj(0, 1)), "x", "0x1");
        assertMessage(() -> FiniteDifferences.jacobian((v, o) -> { }, x, -1, new DMatrixRMaj(2, 2)), "h", "-1.0");
        assertMessage(() -> FiniteDifferences.gradient(QUADRATIC, TestMatrices.column(1, Double.NaN), 1e-6,
                new DMatrixRMaj(2, 1)), "x must be finite", "(1, 0)", "NaN");
        assertMessage(() -> FiniteDifferences.jacobian((v, o) -> { }, TestMatrices.column(Double.POSITIVE_INFINITY, 2),
                1e-6, new DMatrixRMaj(2, 2)), "x must be finite", "(0, 0)", "Infinity");
        assertMessage(() -> FiniteDifferences.jacobian((v, o) -> { }, x, 1e-6, new DMatrixRMaj(2, 3)), "out", "2 columns", "2x3");
        assertMessage(() -> FiniteDifferences.maxRelativeError(x, new DMatrixRMaj(1, 2), 1), "b must be 2x1, was 1x2");
        assertMessage(() -> FiniteDifferences.maxRelativeError(x, x, 0), "floor", "0.0");
    }
}
