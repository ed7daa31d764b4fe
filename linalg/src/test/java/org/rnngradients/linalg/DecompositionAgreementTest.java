package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * LAPACK against EJML for QR, singular values and eigenvalues, at every size (each path is built directly,
 * whatever the thresholds would pick). Both are backward stable: each result is exact for an input within
 * p(m, n)·u·‖A‖ of A, with p a modest polynomial; here p = m·n, a generous choice. The forward tolerances
 * follow from perturbation theory, twice (one backward error per backend):
 * <ul>
 *   <li>QR with diag(R) ≥ 0 (unique for full rank): ‖ΔR‖_F ≤ √2 κ₂(A)‖ΔA‖_F and
 *       ‖ΔQ‖_F ≤ (1 + √2) κ₂(A)‖ΔA‖_F/‖A‖₂ to first order (Sun 1991);</li>
 *   <li>singular values: |Δσ_i| ≤ ‖ΔA‖₂ (Weyl);</li>
 *   <li>eigenvalues of a normal matrix: |Δλ| ≤ ‖ΔA‖₂ (Bauer–Fike with a unitary eigenvector basis).</li>
 * </ul>
 */
class DecompositionAgreementTest {
    /** rows, cols: scalars, vectors, thin and square shapes up to 300 × 300. */
    private static final int[][] QR_SHAPES = {{1, 1}, {2, 1}, {5, 3}, {8, 8}, {30, 30}, {300, 1}, {1000, 10}, {64, 64}, {300, 300}};
    private static final int[][] SVD_SHAPES = {{1, 1}, {1, 5}, {5, 1}, {3, 7}, {8, 8}, {64, 64}, {300, 10}, {10, 300}, {200, 200}};

    private static double backwardError(DMatrixRMaj a) {
        return 2.0 * a.numRows * a.numCols * Native.U * NormOps_DDRM.normF(a);
    }

    private static double conditionNumber(DMatrixRMaj a) {
        double[] s = new SingularValues(a.numRows, a.numCols, new JavaKernels().singularValues(a.numRows, a.numCols))
                .compute(a, new double[Math.min(a.numRows, a.numCols)]);
        return s[0] / s[s.length - 1];
    }

    @Test
    void lapackAndEjmlGiveTheSamePositiveQrWithinThePerturbationBound() {
        Native.assumeLoaded();
        long seed = 1;
        for (int[] s : QR_SHAPES) {
            int m = s[0];
            int n = s[1];
            DMatrixRMaj a = TestMatrices.uniform(m, n, 1, seed++);
            DMatrixRMaj q1 = new DMatrixRMaj(m, n);
            DMatrixRMaj r1 = new DMatrixRMaj(n, n);
            DMatrixRMaj q2 = new DMatrixRMaj(m, n);
            DMatrixRMaj r2 = new DMatrixRMaj(n, n);
            new PositiveQr(m, n, new JavaKernels.Qr(m, n)).decompose(a, q1, r1);
            new PositiveQr(m, n, new Lapack.Qr(m, n)).decompose(a, q2, r2);
            double kappa = conditionNumber(a);
            double normA = Spectra.spectralNorm(a);
            double rTolerance = Math.sqrt(2) * kappa * backwardError(a);
            double qTolerance = (1 + Math.sqrt(2)) * kappa * backwardError(a) / normA;
            assertTrue(TestMatrices.maxAbsDifference(r1, r2) <= rTolerance, m + "x" + n + " R");
            assertTrue(TestMatrices.maxAbsDifference(q1, q2) <= qTolerance, m + "x" + n + " Q");
        }
    }

    @Test
    void lapackQrOfARankDeficientMatrixHasExactZerosForTheLostColumns() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(40, 20, 1, 2);
        for (int i = 0; i < 40; i++) {
            a.set(i, 3, 0);
            a.set(i, 19, 0);
        }
        DMatrixRMaj q = new DMatrixRMaj(40, 20);
        DMatrixRMaj r = new DMatrixRMaj(20, 20);
        PositiveQr qr = new PositiveQr(40, 20, new Lapack.Qr(40, 20));
        DMatrixRMaj before = a.copy();
        qr.decompose(a, q, r);
        assertArrayEquals(before.data, a.data, 0);
        assertEquals(0, r.get(3, 3), 0);
        assertEquals(0, r.get(19, 19), 0);
        for (int i = 0; i < 20; i++) {
            assertTrue(r.get(i, i) >= 0);
        }
        DMatrixRMaj product = CommonOps_DDRM.mult(q, r, null);
        assertTrue(TestMatrices.maxAbsDifference(product, a) <= backwardError(a));
    }

    @Test
    void lapackQrMayOverwriteItsInput() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(300, 10, 1, 3);
        DMatrixRMaj copy = a.copy();
        DMatrixRMaj q = new DMatrixRMaj(300, 10);
        DMatrixRMaj r = new DMatrixRMaj(10, 10);
        DMatrixRMaj r2 = new DMatrixRMaj(10, 10);
        PositiveQr qr = new PositiveQr(300, 10, new Lapack.Qr(300, 10));
        qr.decompose(copy, q, r);
        qr.decompose(a, a, r2);
        assertArrayEquals(q.data, a.data, 0);
        assertArrayEquals(r.data, r2.data, 0);
    }

    @Test
    void lapackAndEjmlSingularValuesAgreeWithinWeylsBound() {
        Native.assumeLoaded();
        long seed = 10;
        for (int[] s : SVD_SHAPES) {
            int m = s[0];
            int n = s[1];
            DMatrixRMaj a = TestMatrices.uniform(m, n, 1, seed++);
            double[] viaJava = new SingularValues(m, n, new JavaKernels.Svd(m, n)).compute(a, new double[Math.min(m, n)]);
            double[] viaLapack = new SingularValues(m, n, new Lapack.Svd(m, n)).compute(a, new double[Math.min(m, n)]);
            assertArrayEquals(viaJava, viaLapack, backwardError(a), m + "x" + n);
            for (int i = 1; i < viaLapack.length; i++) {
                assertTrue(viaLapack[i - 1] >= viaLapack[i], "descending");
            }
        }
    }

    /** A random symmetric matrix and a rotation-block normal matrix: both have unitary eigenvector bases. */
    private static DMatrixRMaj[] normalMatrices(int n, long seed) {
        DMatrixRMaj g = TestMatrices.uniform(n, n, 1, seed);
        DMatrixRMaj symmetric = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(g, CommonOps_DDRM.transpose(g, null), symmetric);
        DMatrixRMaj blocks = new DMatrixRMaj(n, n);
        for (int i = 0; i + 1 < n; i += 2) {
            double angle = 0.3 + i;
            double radius = 0.5 + 0.01 * i;
            blocks.set(i, i, radius * Math.cos(angle));
            blocks.set(i, i + 1, -radius * Math.sin(angle));
            blocks.set(i + 1, i, radius * Math.sin(angle));
            blocks.set(i + 1, i + 1, radius * Math.cos(angle));
        }
        if (n % 2 == 1) {
            blocks.set(n - 1, n - 1, -0.25);
        }
        DMatrixRMaj q = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), RandomSource.seeded(seed));
        DMatrixRMaj rotated = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(q, blocks, null), q, null);
        return new DMatrixRMaj[] {symmetric, rotated};
    }

    @Test
    void lapackAndEjmlEigenvaluesOfNormalMatricesAgreeWithinTheBauerFikeBound() {
        Native.assumeLoaded();
        for (int n : new int[] {1, 2, 5, 8, 30, 128}) {
            for (DMatrixRMaj a : normalMatrices(n, n)) {
                Complex_F64[] viaJava = new Eigenvalues(n, new JavaKernels.Eig(n)).compute(a);
                Complex_F64[] viaLapack = new Eigenvalues(n, new Lapack.Eig(n)).compute(a);
                double tolerance = 2.0 * n * n * Native.U * Spectra.spectralNorm(a);
                double[] moduliJava = new Eigenvalues(n, new JavaKernels.Eig(n)).moduli(a, new double[n]);
                double[] moduliLapack = new Eigenvalues(n, new Lapack.Eig(n)).moduli(a, new double[n]);
                assertArrayEquals(moduliJava, moduliLapack, tolerance, "moduli, n=" + n);
                assertEquals(moduliJava[0], new Eigenvalues(n, new Lapack.Eig(n)).spectralRadius(a), tolerance);
                assertEquals(viaJava.length, viaLapack.length);
                assertTrue(Arrays.stream(viaLapack).allMatch(z -> Double.isFinite(z.real) && Double.isFinite(z.imaginary)));
                for (Complex_F64 z : viaJava) {
                    double nearest = Arrays.stream(viaLapack)
                            .mapToDouble(w -> Math.hypot(w.real - z.real, w.imaginary - z.imaginary)).min().orElseThrow();
                    assertTrue(nearest <= tolerance, "eigenvalue " + z + " has no LAPACK partner, n=" + n);
                }
            }
        }
    }

    @Test
    void eachDecompositionTwiceGivesIdenticalBitsWithOneAndTwoThreads() {
        // Sizes where LAPACK's blocked algorithms call multi-threaded BLAS 3 (block size 32 to 64).
        DMatrixRMaj a = TestMatrices.uniform(160, 160, 1, 20);
        for (int threads : new int[] {1, 2}) {
            Native.withThreads(threads, () -> {
                assertEquals(threads, OpenBlas.threads());
                assertIdenticalTwice(() -> {
                    DMatrixRMaj q = new DMatrixRMaj(160, 160);
                    DMatrixRMaj r = new DMatrixRMaj(160, 160);
                    new PositiveQr(160, 160, new Lapack.Qr(160, 160)).decompose(a, q, r);
                    return concat(q.data, r.data);
                });
                assertIdenticalTwice(() -> new SingularValues(160, 160, new Lapack.Svd(160, 160)).compute(a, new double[160]));
                assertIdenticalTwice(() -> {
                    double[] re = new double[160];
                    double[] im = new double[160];
                    new Lapack.Eig(160).compute(a, re, im);
                    return concat(re, im);
                });
            });
        }
    }

    private static void assertIdenticalTwice(java.util.function.Supplier<double[]> run) {
        assertArrayEquals(run.get(), run.get(), 0);
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
