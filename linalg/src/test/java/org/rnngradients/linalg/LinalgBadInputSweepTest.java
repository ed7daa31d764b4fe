package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnngradients.testing.BadInputSweep;

/**
 * The bad-input sweep of linalg: for every public constructor and method, nulls, wrong shapes, sizes ≤ 0 and sizes
 * whose element count overflows an int, NaN and ±∞, and out-of-range settings, each refused with an
 * IllegalArgumentException naming the argument and its value (see {@link BadInputSweep}); and the check that no
 * public member is left without a case or a stated exemption.
 */
class LinalgBadInputSweepTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    /** A size whose square (and whose product with itself as rows × cols) overflows an int. */
    private static final int HUGE = 50_000;

    private static DMatrixRMaj m(int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < a.getNumElements(); k++) {
            a.data[k] = 0.25 * (k + 1);
        }
        return a;
    }

    private static DMatrixRMaj withEntry(DMatrixRMaj a, double value) {
        DMatrixRMaj b = a.copy();
        b.data[b.getNumElements() - 1] = value;
        return b;
    }

    private static DMatrixRMaj identity(int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, i, 1);
        }
        return a;
    }

    private static RandomSource random() {
        return RandomSource.seeded(1);
    }

    static BadInputSweep sweep() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.linalg");
        products(s);
        residentMatrix(s);
        diagonalProducts(s);
        decompositions(s);
        spectra(s);
        logSpace(s);
        randomness(s);
        initialisers(s);
        finiteDifferences(s);
        require(s);
        return s;
    }

    private static void products(BadInputSweep s) {
        DMatrixRMaj a = m(2, 3);
        DMatrixRMaj b = m(3, 4);
        s.method(MatrixProducts.class, "gemm", 1.0, a, false, b, false, 0.0, m(2, 4)).nullable("c")
                .bad("alpha", NAN).bad("alpha", INF).bad("beta", NAN).bad("beta", -INF)
                .bad("b", m(2, 4), "b", "3 rows", "2x4").bad("c", m(4, 2), "c", "2x4", "4x2")
                .refuses("c = a (aliasing)", () -> {
                    DMatrixRMaj square = identity(2);
                    MatrixProducts.gemm(1, square, false, identity(2), false, 0, square);
                }, "c", "storage", "with a")
                .refuses("transposed b of the wrong shape", () -> MatrixProducts.gemm(1, a, false, m(3, 4), true, 0, null),
                        "b", "(transposed)");
        for (String name : List.of("mult", "multTransA", "multTransB")) {
            DMatrixRMaj left = name.equals("multTransA") ? m(3, 2) : a;
            DMatrixRMaj right = name.equals("multTransB") ? m(4, 3) : b;
            s.method(MatrixProducts.class, name, left, right, m(2, 4)).nullable("c")
                    .bad("b", m(5, 5), "b", "5x5").bad("c", m(3, 3), "c", "3x3");
        }
        for (String name : List.of("multAdd", "multAddTransA", "multAddTransB")) {
            DMatrixRMaj left = name.equals("multAddTransA") ? m(3, 2) : a;
            DMatrixRMaj right = name.equals("multAddTransB") ? m(4, 3) : b;
            s.method(MatrixProducts.class, name, left, right, m(2, 4))
                    .bad("b", m(5, 5), "b", "5x5").bad("c", m(3, 3), "c", "3x3");
        }
    }

    private static void residentMatrix(BadInputSweep s) {
        s.method(ResidentMatrix.class, "of", m(2, 3))
                .bad("a", new DMatrixRMaj(0, 3), "a", "empty", "0x3").bad("a", withEntry(m(2, 3), NAN))
                .bad("a", withEntry(m(2, 3), -INF));
        DMatrixRMaj b = m(3, 2);
        s.method(ResidentMatrix.class, () -> ResidentMatrix.of(m(2, 3)), "gemm", 1.0, false, b, 0.0, m(2, 2))
                .nullable("c").bad("alpha", NAN).bad("beta", INF).bad("b", m(2, 2), "b", "3 rows", "2x2")
                .bad("c", m(3, 3), "c", "2x2", "3x3")
                .refuses("after close", IllegalStateException.class, () -> {
                    ResidentMatrix r = ResidentMatrix.of(m(2, 3));
                    r.close();
                    r.gemm(1, false, b, 0, null);
                }, "closed");
        s.method(ResidentMatrix.class, () -> ResidentMatrix.of(m(2, 3)), "mult", b, m(2, 2)).nullable("c")
                .bad("b", m(4, 2), "b", "4x2");
        s.method(ResidentMatrix.class, () -> ResidentMatrix.of(m(2, 3)), "multTransA", m(2, 2), m(3, 2)).nullable("c")
                .bad("b", m(3, 2), "b", "3x2");
        s.method(ResidentMatrix.class, () -> ResidentMatrix.of(m(2, 3)), "multAdd", b, m(2, 2))
                .bad("c", m(2, 3), "c", "2x3");
        s.method(ResidentMatrix.class, () -> ResidentMatrix.of(m(2, 3)), "multAddTransA", m(2, 2), m(3, 2))
                .bad("c", m(2, 2), "c", "2x2");
    }

    private static void diagonalProducts(BadInputSweep s) {
        DMatrixRMaj w = m(3, 2);
        s.method(DiagonalProducts.class, "diagTimes", m(3, 1), w, m(3, 2))
                .bad("d", m(2, 1), "d", "3x1", "2x1").bad("d", m(1, 3), "d", "1x3").bad("out", m(2, 3), "out", "2x3");
        s.method(DiagonalProducts.class, "timesDiag", w, m(2, 1), m(3, 2))
                .bad("d", m(3, 1), "d", "2x1", "3x1").bad("out", m(3, 3), "out", "3x3");
        s.method(DiagonalProducts.class, "transposeTimesDiagTimes", w, m(3, 1), m(3, 1), m(2, 1))
                .bad("d", m(2, 1), "d", "2x1").bad("v", m(3, 2), "v", "3x2").bad("out", m(3, 1), "out", "3x1")
                .refuses("out aliasing v", () -> {
                    DMatrixRMaj sq = m(2, 2);
                    DMatrixRMaj v = m(2, 1);
                    DiagonalProducts.transposeTimesDiagTimes(sq, m(2, 1), v, v);
                }, "out", "alias", "v")
                .refuses("out aliasing d", () -> {
                    DMatrixRMaj d = m(2, 1);
                    DiagonalProducts.transposeTimesDiagTimes(m(2, 2), d, m(2, 1), d);
                }, "out", "alias", "as d")
                .refuses("out aliasing w", () -> {
                    DMatrixRMaj one = m(1, 1);
                    DiagonalProducts.transposeTimesDiagTimes(one, m(1, 1), m(1, 1), one);
                }, "out", "alias", "as w");
    }

    private static void decompositions(BadInputSweep s) {
        s.constructor(PositiveQr.class, 3, 2).bad("rows", 0).bad("rows", -1).bad("cols", 0)
                .refuses("cols > rows", () -> new PositiveQr(2, 3), "rows", "rows=2, cols=3")
                .refuses("rows x cols overflowing an int", () -> new PositiveQr(HUGE, HUGE), "rows", "50000", "entries");
        s.method(PositiveQr.class, () -> new PositiveQr(3, 2), "decompose", m(3, 2), m(3, 2), m(2, 2))
                .bad("a", m(2, 3), "a", "3x2", "2x3").bad("a", withEntry(m(3, 2), NAN)).bad("q", m(3, 3), "q", "3x3")
                .bad("r", m(3, 2), "r", "2x2", "3x2")
                .refuses("q = r", () -> {
                    DMatrixRMaj qr = m(2, 2);
                    new PositiveQr(2, 2).decompose(m(2, 2), qr, qr);
                }, "q", "different");
        DMatrixRMaj r = identity(3);
        s.method(PositiveQr.class, "accumulateLogDiagonal", r, new double[3])
                .bad("r", m(3, 2), "r", "square", "3x2").bad("sums", new double[4], "sums", "<= 3", "4")
                .bad("r", withDiagonal(r, -1), "r", "non-negative", "-1.0")
                .bad("r", withDiagonal(r, NAN), "r", "non-negative", "NaN");
        s.constructor(SingularValues.class, 2, 3).bad("rows", 0).bad("cols", -2)
                .refuses("rows x cols overflowing an int", () -> new SingularValues(HUGE, HUGE), "rows", "entries")
                .refuses("a wide shape overflowing", () -> new SingularValues(2, Integer.MAX_VALUE), "rows", "2147483647");
        s.method(SingularValues.class, () -> new SingularValues(2, 3), "compute", m(2, 3), new double[2])
                .bad("a", m(3, 2), "a", "2x3", "3x2").bad("a", withEntry(m(2, 3), INF)).bad("out", new double[3]);
        s.method(SingularValues.class, () -> new SingularValues(2, 3), "largest", m(2, 3))
                .bad("a", m(2, 2), "a", "2x2").bad("a", withEntry(m(2, 3), NAN));
        s.method(SingularValues.class, () -> new SingularValues(2, 3), "smallest", m(2, 3))
                .bad("a", m(3, 3), "a", "3x3").bad("a", withEntry(m(2, 3), -INF));
        s.constructor(Eigenvalues.class, 2).bad("n", 0).bad("n", -3).bad("n", HUGE, "n", "entries");
        s.method(Eigenvalues.class, () -> new Eigenvalues(2), "spectralRadius", m(2, 2))
                .bad("a", m(2, 3), "a", "square", "2x3").bad("a", m(3, 3), "a", "2x2", "3x3")
                .bad("a", withEntry(m(2, 2), NAN));
        s.method(Eigenvalues.class, () -> new Eigenvalues(2), "moduli", m(2, 2), new double[2])
                .bad("out", new double[1]).bad("a", m(1, 1), "a", "1x1").bad("a", withEntry(m(2, 2), INF));
        s.method(Eigenvalues.class, () -> new Eigenvalues(2), "compute(DMatrixRMaj)", m(2, 2))
                .bad("a", m(3, 2), "a", "3x2").bad("a", withEntry(m(2, 2), NAN));
        s.constructor(ProductSingularValues.class, 2).bad("n", 0).bad("n", -1).bad("n", HUGE, "n", "entries");
        s.method(ProductSingularValues.class, "of", List.of(identity(2), identity(2)))
                .bad("factors", List.of(), "factors", "empty")
                .bad("factors", Arrays.asList(identity(2), null), "factors[1]", "null")
                .bad("factors", List.of(identity(2), identity(3)), "factors[1]", "2x2", "3x3")
                .bad("factors", List.of(identity(2), withEntry(identity(2), NAN)), "factors[1]", "NaN");
        s.method(ProductSingularValues.class, () -> new ProductSingularValues(2), "multiplyLeft", identity(2))
                .bad("f", m(3, 3), "f", "2x2", "3x3").bad("f", withEntry(identity(2), NAN));
        s.method(ProductSingularValues.class, () -> new ProductSingularValues(2), "multiplyLeftTransposed", identity(2))
                .bad("f", m(2, 3), "f", "2x3").bad("f", withEntry(identity(2), -INF));
        s.method(ProductSingularValues.class, () -> new ProductSingularValues(2), "logSingularValues", new double[2])
                .bad("out", new double[3]).bad("out", new double[0]);
        s.constructor(ScaledMatrixProduct.class, 2).bad("n", 0).bad("n", HUGE, "n", "entries");
        s.method(ScaledMatrixProduct.class, () -> new ScaledMatrixProduct(2), "leftMultiply", identity(2))
                .bad("a", m(3, 3), "a", "3x3").bad("a", withEntry(identity(2), NAN)).bad("a", withEntry(identity(2), INF));
    }

    private static DMatrixRMaj withDiagonal(DMatrixRMaj r, double value) {
        DMatrixRMaj b = r.copy();
        b.set(1, 1, value);
        return b;
    }

    private static void spectra(BadInputSweep s) {
        for (String name : List.of("spectralNorm", "singularValues", "conditionNumber")) {
            s.method(Spectra.class, name, m(2, 3)).bad("a", new DMatrixRMaj(0, 2), "a", "empty", "0x2")
                    .bad("a", withEntry(m(2, 3), NAN)).bad("a", withEntry(m(2, 3), INF));
        }
        for (String name : List.of("eigenvalues", "spectralRadius")) {
            s.method(Spectra.class, name, m(2, 2)).bad("a", m(2, 3), "a", "square", "2x3")
                    .bad("a", new DMatrixRMaj(0, 0), "a", "empty", "0x0").bad("a", withEntry(m(2, 2), NAN));
        }
    }

    private static void logSpace(BadInputSweep s) {
        s.method(LogSpace.class, "logNorm(DMatrixRMaj)", m(2, 1)).bad("v", new DMatrixRMaj(0, 1), "v", "empty", "0x1");
        s.method(LogSpace.class, "logNorm(double[],int)", new double[3], 2)
                .bad("n", 0).bad("n", 4, "n", "[1, 3]", "4").bad("n", -1)
                .bad("data", new double[0], "data", "empty", "0");
        s.method(LogSpace.class, "logNorm(double[],int,int)", new double[3], 1, 2)
                .bad("offset", -1, "offset", "[0, 1]", "-1").bad("offset", 2, "offset", "[0, 1]", "2")
                .bad("length", 0).bad("length", 4, "length", "<= 3", "4")
                .bad("offset", Integer.MAX_VALUE, "offset", "2147483647");
        s.method(LogSpace.class, "normalise(DMatrixRMaj)", m(3, 1)).bad("v", new DMatrixRMaj(3, 0), "v", "empty");
        s.method(LogSpace.class, "normalise(double[],int,int)", new double[3], 0, 3)
                .bad("offset", 1, "offset", "[0, 0]", "1").bad("length", -1).bad("length", 0);
        s.method(LogSpace.class, "logSumExp(double,double)", 0.0, 1.0).bad("a", NAN).bad("b", NAN);
        s.method(LogSpace.class, "logSumExp(double[])", new double[] {0, 1})
                .bad("values", new double[] {0, NAN}, "values[1]", "NaN");
        s.exempt("LogSpace.toLog10(double)", "a change of base, defined for every double (NaN and ±∞ map to themselves)");
        s.method(LogProduct.class, LogProduct::new, "times", 2.0).bad("factor", -1.0).bad("factor", NAN)
                .bad("factor", INF);
        s.method(LogProduct.class, LogProduct::new, "timesExp", 0.5).bad("logFactor", NAN).bad("logFactor", INF);
    }

    private static void randomness(BadInputSweep s) {
        s.exempt("RandomSource.seeded(long)", "every long is a seed");
        s.method(RandomSource.class, LinalgBadInputSweepTest::random, "fork", "weights");
        s.method(RandomSource.class, LinalgBadInputSweepTest::random, "uniform(double,double)", -1.0, 1.0)
                .bad("lo", NAN).bad("hi", INF).bad("lo", -INF).bad("hi", -1.0, "hi", "> lo", "lo=-1.0, hi=-1.0")
                .bad("hi", -2.0, "hi", "lo=-1.0, hi=-2.0")
                .refuses("an infinite width", () -> random().uniform(-Double.MAX_VALUE, Double.MAX_VALUE), "hi",
                        "finite");
        s.method(RandomSource.class, LinalgBadInputSweepTest::random, "nextInt(int)", 3).bad("bound", 0).bad("bound", -5);
        s.method(RandomSource.class, LinalgBadInputSweepTest::random, "nextInt(int,int)", 1, 4)
                .bad("hi", 1, "hi", "lo=1, hi=1").bad("hi", Integer.MIN_VALUE, "hi", "-2147483648");
        s.method(RandomMatrices.class, "uniform", m(2, 2), 0.5, random()).bad("a", 0.0).bad("a", -1.0).bad("a", NAN)
                .bad("a", INF);
        s.method(RandomMatrices.class, "gaussian(DMatrixRMaj,double,RandomSource)", m(2, 2), 0.5, random())
                .bad("std", 0.0).bad("std", NAN).bad("std", -INF);
        s.method(RandomMatrices.class, "gaussian(int,int,RandomSource)", 2, 3, random())
                .bad("rows", 0).bad("cols", -1)
                .refuses("rows x cols overflowing an int", () -> RandomMatrices.gaussian(HUGE, HUGE, random()), "rows",
                        "50000 x 50000", "entries");
        s.method(RandomMatrices.class, "orthogonal", m(3, 2), random()).bad("out", new DMatrixRMaj(0, 2), "out", "empty");
    }

    private static void initialisers(BadInputSweep s) {
        for (String name : List.of("uniform", "xavierUniform", "orthogonal", "scaledGaussian")) {
            s.method(Initialiser.class, name, 0.5).bad(parameterOf(name), 0.0).bad(parameterOf(name), -1.0)
                    .bad(parameterOf(name), NAN).bad(parameterOf(name), INF);
        }
        s.method(Initialiser.class, "pytorchDefault", 4).bad("hiddenSize", 0).bad("hiddenSize", -4);
        s.method(Initialiser.class, "identity", 1.0).bad("scale", NAN).bad("scale", -INF);
        s.method(Initialiser.class, () -> Initialiser.uniform(0.5), "perBlock", 2).bad("blocks", 0).bad("blocks", -2);
        s.method(Initialiser.class, () -> Initialiser.uniform(0.5), "initialise", m(2, 2), random())
                .bad("w", new DMatrixRMaj(0, 2), "w", "empty")
                .refuses("rows not a multiple of the blocks", () -> Initialiser.he().perBlock(2).initialise(m(3, 2),
                        random()), "w", "multiple of blocks=2", "3")
                .refuses("identity on an empty matrix", () -> Initialiser.identity(1).initialise(new DMatrixRMaj(2, 0),
                        null), "w", "empty")
                .refuses("zeros with a null matrix", () -> Initialiser.zeros().initialise(null, null), "w", "null");
    }

    private static String parameterOf(String factory) {
        return switch (factory) {
            case "uniform" -> "a";
            case "scaledGaussian" -> "g";
            default -> "gain";
        };
    }

    private static void finiteDifferences(BadInputSweep s) {
        DMatrixRMaj x = m(2, 1);
        s.method(FiniteDifferences.class, "gradient", (java.util.function.ToDoubleFunction<DMatrixRMaj>) v -> v.get(0),
                        x, 1e-6, m(2, 1))
                .bad("x", new DMatrixRMaj(0, 1), "x", "empty").bad("x", withEntry(x, NAN)).bad("h", 0.0)
                .bad("h", -1e-6).bad("h", NAN).bad("h", INF).bad("out", m(1, 2), "out", "2x1", "1x2");
        s.method(FiniteDifferences.class, "jacobian",
                        (java.util.function.BiConsumer<DMatrixRMaj, DMatrixRMaj>) (v, out) -> out.setTo(v), x, 1e-6, m(2, 2))
                .bad("x", withEntry(x, INF)).bad("h", 0.0).bad("h", NAN).bad("out", m(2, 3), "out", "2 columns", "2x3")
                .bad("x", new DMatrixRMaj(0, 1), "x", "empty");
        s.method(FiniteDifferences.class, "maxRelativeError", m(2, 2), m(2, 2), 1e-12)
                .bad("b", m(2, 3), "b", "2x2", "2x3").bad("floor", 0.0).bad("floor", NAN).bad("floor", INF);
    }

    private static void require(BadInputSweep s) {
        s.method(Require.class, "nonNull", "x", "value").nullable("name");
        s.method(Require.class, "finite(double,String)", 1.0, "value").nullable("name")
                .bad("value", NAN).bad("value", INF).bad("value", -INF);
        s.method(Require.class, "notNaN", 1.0, "value").nullable("name").bad("value", NAN);
        s.method(Require.class, "positive(double,String)", 1.0, "value").nullable("name")
                .bad("value", 0.0).bad("value", -0.0).bad("value", NAN).bad("value", INF);
        s.method(Require.class, "nonNegative(double,String)", 0.0, "value").nullable("name")
                .bad("value", -1e-300).bad("value", NAN).bad("value", INF);
        s.method(Require.class, "positive(int,String)", 1, "value").nullable("name").bad("value", 0)
                .bad("value", Integer.MIN_VALUE);
        s.method(Require.class, "nonNegative(int,String)", 0, "value").nullable("name").bad("value", -1);
        s.method(Require.class, "inRange", 2, 1, 3, "value").nullable("name").bad("value", 0, "value", "[1, 3]", "0")
                .bad("value", 4, "value", "[1, 3]", "4");
        s.method(Require.class, "finite(DMatrixRMaj,String)", m(2, 2), "m").nullable("name")
                .bad("m", withEntry(m(2, 2), NAN), "m", "entry (1, 1)", "NaN");
        s.method(Require.class, "finite(double[],String)", new double[2], "values").nullable("name")
                .bad("values", new double[] {0, INF}, "values", "entry [1]", "Infinity");
        s.method(Require.class, "square", m(2, 2), "m").nullable("name").bad("m", m(2, 3), "m", "square", "2x3");
        s.method(Require.class, "shape", m(2, 3), 2, 3, "m").nullable("name").bad("m", m(3, 2), "m", "2x3", "3x2")
                .bad("rows", 3, "m", "3x3", "2x3");
        s.method(Require.class, "columnVector(DMatrixRMaj,int,String)", m(2, 1), 2, "m").nullable("name")
                .bad("m", m(1, 2), "m", "2x1", "1x2");
        s.method(Require.class, "columnVector(DMatrixRMaj,String)", m(2, 1), "m").nullable("name")
                .bad("m", m(2, 2), "m", "column vector", "2x2").bad("m", new DMatrixRMaj(0, 1), "m", "0x1");
        s.method(Require.class, "nonEmpty", m(1, 1), "m").nullable("name").bad("m", new DMatrixRMaj(1, 0), "m", "1x0");
        s.method(Require.class, "shapeOf", m(1, 1));
        s.method(Require.class, "elementCount", 2, 3, "rows", "cols").nullable("rowsName", "colsName")
                .bad("rows", -1, "rows", "-1").bad("cols", -1, "cols", "-1")
.refuses("rows x cols overflowing an int", () -> Require.elementCount(HUGE, HUGE, "rows", "cols"), "rows",
                        "2500000000", "entries")
                .refuses("the largest int times 2", () -> Require.elementCount(2, Integer.MAX_VALUE, "h", "w"), "h",
                        "4294967294")
                .refuses("the first count beyond the largest array", () -> Require.elementCount(1,
                        Require.MAX_ENTRIES + 1, "rows", "cols"), "rows", "2147483640");
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedWithANamedError() {
        return sweep().cases();
    }

    @Test
    void everyPublicMemberHasACaseOrAStatedExemption() {
        sweep().assertComplete();
    }
}
