package org.rnngradients.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.analysis.io.NpyArray;
import org.rnngradients.analysis.io.NpyFormatException;
import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.GruCell;
import org.rnngradients.cells.LstmCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.testing.BadInputSweep;

/**
 * The bad-input sweep of analysis (see {@link BadInputSweep}): the Jacobian sources, products, bounds, Lyapunov
 * spectra, fits and regimes, the NumPy interop of {@code analysis.io} and the CSV dialect the command line shares
 * with the book ({@code analysis.cli.csv}); nulls, shapes, sizes ≤ 0 and sizes that overflow, NaN/Inf, out-of-range
 * settings, and the typed exceptions a caller catches: {@link NpyFormatException} for a file that is not a readable
 * array, {@link ArithmeticException} for a spectrum that double precision cannot resolve, {@link IOException} for a
 * file system that refuses. The command-line package itself is covered by its own tests.
 */
class AnalysisBadInputSweepTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int HUGE = 50_000;

    private static DMatrixRMaj m(int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < a.getNumElements(); k++) {
            a.data[k] = 0.3 * ((k * 7) % 5) - 0.6;
        }
        return a;
    }

    private static DMatrixRMaj withEntry(DMatrixRMaj a, double value) {
        DMatrixRMaj b = a.copy();
        b.data[b.getNumElements() - 1] = value;
        return b;
    }

    private static RecurrentCell tanh(int inputSize, int hiddenSize) {
        RecurrentCell c = new VanillaRnnCell(inputSize, hiddenSize, Activation.TANH);
        Cells.initialisePyTorchDefault(c, RandomSource.seeded(2));
        return c;
    }

    private static JacobianProduct product() {
        return JacobianProduct.record(new LinearMap(m(3, 3)), 4);
    }

    /** A temporary directory for the file cases (one per sweep; the JVM removes nothing else). */
    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("bad-input-sweep");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BadInputSweep sweep() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.analysis");
        sources(s);
        products(s);
        spectra(s);
        fits(s);
        Path dir = scratch();
        npy(s, dir);
        csv(s, dir);
        SweepBadInputCases.add(s, dir);
        return s;
    }

    private static void sources(BadInputSweep s) {
        s.constructor(LinearMap.class, m(3, 3)).bad("a", m(3, 2), "a", "square", "3x2")
                .bad("a", new DMatrixRMaj(0, 0), "a", "empty").bad("a", withEntry(m(3, 3), NAN));
        s.method(LinearMap.class, () -> new LinearMap(m(3, 3)), "advance(DMatrixRMaj)", m(3, 3))
                .bad("jacobian", m(2, 2), "jacobian", "3x3", "2x2");
        s.method(LinearMap.class, () -> new LinearMap(m(3, 3)), "advance(DMatrixRMaj,DMatrixRMaj)", m(3, 2), m(3, 2))
                .bad("frame", m(2, 2), "frame", "3 x k", "2x2").bad("frame", new DMatrixRMaj(3, 0), "frame", "3x0")
                .bad("image", m(3, 3), "image", "3x2", "3x3")
                .refuses("the image is the frame", () -> {
                    DMatrixRMaj f = m(3, 2);
                    new LinearMap(m(3, 3)).advance(f, f);
                }, "image", "share its storage");
        s.constructor(HenonMap.class, 1.4, 0.3, 0.0, 0.0).bad("a", NAN).bad("b", INF).bad("x0", -INF).bad("y0", NAN);
        s.method(HenonMap.class, HenonMap::classical, "advance", m(2, 2)).bad("jacobian", m(3, 3), "jacobian", "2x2");
        s.method(JacobianSequence.class, "of", List.of(m(2, 2), m(2, 2)))
                .bad("jacobians", List.of(), "jacobians", "empty")
                .bad("jacobians", List.of(m(2, 3)), "jacobians[0]", "square", "2x3")
                .bad("jacobians", List.of(m(2, 2), m(3, 3)), "jacobians[1]", "2x2", "3x3")
                .bad("jacobians", Arrays.asList(m(2, 2), null), "jacobians[1]", "null")
                .bad("jacobians", List.of(m(2, 2), withEntry(m(2, 2), NAN)), "jacobians[1]", "NaN");
        Supplier<JacobianSequence> seq = () -> JacobianSequence.of(List.of(m(2, 2)));
        s.method(JacobianSequence.class, seq, "advance(DMatrixRMaj)", m(2, 2)).bad("jacobian", m(2, 1), "jacobian", "2x1");
        s.method(JacobianSequence.class, seq, "advance(DMatrixRMaj,DMatrixRMaj)", m(2, 1), m(2, 1))
                .bad("frame", m(3, 1), "frame", "3x1").bad("image", m(2, 2), "image", "2x1");
        s.method(JacobianSource.class, () -> new LinearMap(m(2, 2)), "advance(DMatrixRMaj)", m(2, 2))
                .bad("jacobian", m(1, 2), "jacobian", "1x2");
        s.method(JacobianSource.class, HenonMap::classical, "advance(DMatrixRMaj,DMatrixRMaj)", m(2, 1), m(2, 1))
                .bad("frame", m(2, 0), "frame", "2x0").bad("image", m(1, 1), "image", "2x1")
                .refuses("the image shares the frame's storage", () -> {
                    DMatrixRMaj f = m(2, 1);
                    DMatrixRMaj view = DMatrixRMaj.wrap(2, 1, f.data);
                    HenonMap.classical().advance(f, view);
                }, "image", "share");
        RecurrentCell lstm = new LstmCell(2, 3);
        s.constructor(CellTrajectory.class, lstm, InputSequence.constant(m(2, 1)), new DMatrixRMaj(6, 1))
                .bad("inputs", InputSequence.constant(m(3, 1)), "inputs", "size 2", "was 3")
                .bad("initialState", m(3, 1), "initialState", "6x1", "3x1")
                .bad("initialState", withEntry(m(6, 1), NAN), "initialState", "NaN")
                .refuses("a NaN weight", () -> {
                    RecurrentCell c = new GruCell(2, 3);
                    c.parameters().weightIh().set(0, 1, NAN);
                    new CellTrajectory(c, InputSequence.constant(m(2, 1)), new DMatrixRMaj(3, 1));
                }, "cell.parameters.weight_ih", "entry (0, 1)", "NaN");
        s.method(CellTrajectory.class, "autonomous", tanh(2, 3));
        Supplier<CellTrajectory> cell = () -> CellTrajectory.autonomous(tanh(2, 3));
        s.method(CellTrajectory.class, cell, "advance(DMatrixRMaj)", m(3, 3)).bad("jacobian", m(3, 2), "jacobian", "3x2")
                .refuses("inputs that run out", IllegalStateException.class, () -> {
                    CellTrajectory t = new CellTrajectory(tanh(2, 3), InputSequence.of(List.of(m(2, 1))),
                            new DMatrixRMaj(3, 1));
                    t.advance(m(3, 3));
                    t.advance(m(3, 3));
                }, "exhausted after 1 steps");
        s.method(CellTrajectory.class, cell, "advance(DMatrixRMaj,DMatrixRMaj)", m(3, 2), m(3, 2))
                .bad("frame", m(2, 2), "frame", "3 rows", "2x2").bad("image", m(3, 1), "image", "3x2", "3x1");
        s.method(InputSequence.class, "constant", m(2, 1)).bad("x", m(1, 2), "x", "column vector", "1x2")
                .bad("x", withEntry(m(2, 1), INF));
        s.method(InputSequence.class, "of", List.of(m(2, 1), m(2, 1))).bad("inputs", List.of(), "inputs", "empty")
                .bad("inputs", List.of(m(2, 1), m(3, 1)), "inputs[1]", "2x1", "3x1")
                .bad("inputs", List.of(m(2, 1), withEntry(m(2, 1), NAN)), "inputs[1]", "NaN")
                .bad("inputs", List.of(m(1, 2)), "inputs[0]", "column vector");
        s.method(InputSequence.class, "gaussian", 2, 0.5, RandomSource.seeded(1)).bad("inputSize", 0).bad("std", 0.0)
                .bad("std", NAN).bad("std", INF);
        for (Supplier<InputSequence> in : List.<Supplier<InputSequence>>of(() -> InputSequence.constant(m(2, 1)),
                () -> InputSequence.of(List.of(m(2, 1))), () -> InputSequence.gaussian(2, 1, RandomSource.seeded(1)))) {
            s.method(InputSequence.class, in, "next", m(2, 1)).bad("out", m(3, 1), "out", "2x1", "3x1")
                    .bad("out", m(1, 2), "out", "1x2");
        }
    }

    private static void products(BadInputSweep s) {
        s.method(JacobianProduct.class, "record", new LinearMap(m(2, 2)), 3).bad("steps", 0).bad("steps", -1)
                .refuses("a source whose Jacobian is NaN", () -> JacobianProduct.record(new NaNSource(), 2), "J_1",
                        "NaN")
                .refuses("a source of dimension 0", () -> JacobianProduct.record(new EmptySource(), 2),
                        "source.dimension()", "was 0");
        s.method(JacobianProduct.class, AnalysisBadInputSweepTest::product, "stepJacobian", 1)
                .bad("t", 0, "t", "[1, 4]", "was 0").bad("t", 5, "t", "was 5");
        s.method(JacobianProduct.class, AnalysisBadInputSweepTest::product, "logSingularValues", 0)
                .bad("t", -1, "t", "[0, 4]", "-1").bad("t", 5, "t", "was 5");
        s.method(BoundVersusActual.class, "of", product());
        s.method(BoundVersusActual.class, "fromStart", product());
        s.method(StepSeries.class, "of", product());
        s.constructor(LogDeterminant.class, 3).bad("n", 0).bad("n", HUGE, "n", "entries");
        s.method(LogDeterminant.class, () -> new LogDeterminant(3), "logAbsDeterminant", m(3, 3))
                .bad("a", m(2, 2), "a", "3x3", "2x2").bad("a", withEntry(m(3, 3), INF));
        s.method(EffectiveScale.class, "gamma(DMatrixRMaj,double)", m(3, 3), 1.0)
                .bad("weightHh", m(3, 2), "weightHh", "square", "3x2")
                .bad("weightHh", new DMatrixRMaj(0, 0), "weightHh", "empty")
                .bad("weightHh", withEntry(m(3, 3), NAN)).bad("supDerivative", -1.0).bad("supDerivative", NAN)
                .bad("supDerivative", INF);
        s.method(EffectiveScale.class, "gamma(RecurrentCell)", tanh(2, 3))
                .bad("cell", new LstmCell(2, 3), "cell", "vanilla RNN", "state size 6");
        for (String name : List.of("aligned", "misaligned")) {
            s.method(JacobianConstructions.class, name, 3, 4, 0.5, 2.0, RandomSource.seeded(1)).bad("n", 0)
                    .bad("steps", -1).bad("minSingular", 0.0, "minSingular", "0.0").bad("maxSingular", NAN, "maxSingular", "NaN")
                    .bad("maxSingular", 0.25, "maxSingular", ">= minSingular 0.5", "was 0.25")
                    .bad("minSingular", INF, "minSingular", "Infinity")
                    .bad("n", HUGE, "n", "50000", "entries");
        }
        s.method(JacobianConstructions.class, "rotating", 2.0).bad("sigma", 0.0).bad("sigma", NAN).bad("sigma", -INF);
    }

    private static void spectra(BadInputSweep s) {
        s.constructor(LyapunovSpectrum.class, "(int,int,int,int)", 2, 10, 100, 5).bad("exponents", 0)
                .bad("warmUpSteps", -1).bad("steps", 0).bad("interval", 0).bad("interval", Integer.MIN_VALUE);
        s.constructor(LyapunovSpectrum.class, "(int,int,int,int,long)", 2, 10, 100, 5, 7L).bad("exponents", -2)
                .bad("steps", -100).bad("warmUpSteps", Integer.MIN_VALUE);
        s.method(LyapunovSpectrum.class, () -> new LyapunovSpectrum(2, 0, 10, 1), "compute", new LinearMap(m(3, 3)))
                .bad("source", new LinearMap(m(1, 1)), "exponents", "<= the state dimension 1", "was 2")
                .refuses("more exponents than dimensions", () -> new LyapunovSpectrum(3, 0, 10, 1)
                        .compute(HenonMap.classical()), "exponents", "dimension 2", "was 3")
                .refuses("a Jacobian that is NaN", ArithmeticException.class, () -> new LyapunovSpectrum(1, 0, 5, 1)
                        .compute(new NaNSource()), "non-finite");
        Supplier<LyapunovResult> result = () -> new LyapunovSpectrum(2, 0, 6, 2).compute(HenonMap.classical());
        for (String name : List.of("precisionLossAt", "intervalAt", "stepsAt", "runningEstimate", "localExponents")) {
            s.method(LyapunovResult.class, result, name, 0).bad("r", -1, "r", "was -1")
                    .bad("r", Integer.MAX_VALUE, "r", "was 2147483647");
        }
        s.method(LyapunovResult.class, result, "stepsAt", 0).refuses("r = records()", () -> {
            LyapunovResult r = result.get();
            r.stepsAt(r.records());
        }, "r", "[0, " + (result.get().records() - 1) + "]", "was " + result.get().records());
        s.method(LyapunovResult.class, result, "runningEstimateOf", 1).bad("i", 2, "i", "[0, 1]", "was 2")
                .bad("i", -1, "i", "-1");
        s.method(Regime.class, "of(double,double)", 0.1, 0.01).bad("largestExponent", NAN).bad("epsilon", 0.0)
                .bad("epsilon", -0.1).bad("epsilon", INF);
        s.method(Regime.class, "of(double)", 0.1).bad("largestExponent", NAN);
        s.method(Regime.class, "of(LyapunovResult,double)", result.get(), 0.01).bad("epsilon", NAN);
    }

    private static void fits(BadInputSweep s) {
        double[] x = {0, 1, 2, 3};
        double[] y = {0, -1, -2.1, -2.9};
        s.method(DecayFit.class, "of", x, y).bad("steps", new double[] {0, 1, NAN, 3}, "steps", "entry [2]", "NaN")
                .bad("log10Norms", new double[] {0, INF, 1, 2}, "log10Norms", "entry [1]")
                .bad("log10Norms", new double[] {0, 1, 2}, "log10Norms", "length of steps 4", "was 3")
                .bad("steps", new double[] {1, 1, 1, 1}, "steps", "must not all be equal", "1.0")
                .refuses("two points", () -> DecayFit.of(new double[] {0, 1}, new double[] {0, 1}), "steps",
                        "at least 3 points", "was 2");
        s.method(DecayFit.class, "ofLogNorms", (Object) y).bad("logNorms", new double[] {0, -1, NAN}, "logNorms", "NaN")
                .bad("logNorms", new double[] {0, Double.NEGATIVE_INFINITY, -1}, "logNorms", "-Infinity")
                .bad("logNorms", new double[] {0, -1}, "steps", "at least 3", "was 2");
        s.method(DecayFit.class, "againstDistance", (Object) y)
                .bad("logNormsToEnd", new double[] {INF, 0, -1}, "logNormsToEnd", "Infinity");
        s.method(org.rnngradients.analysis.plot.PlotData.class, "oneTo", 3).bad("n", -1, "n", "-1");
        s.method(org.rnngradients.analysis.plot.PlotData.class, "evenlySpread", 10, 3).bad("n", -1, "n", "-1")
                .bad("most", 0, "most", "were 10 and 0");
        s.method(org.rnngradients.analysis.plot.PlotData.class, "subscript", 12).bad("n", -1, "n", "-1");
        s.method(DecayFit.class, "ofNorms", (Object) new double[] {1, 0.5, 0.25})
                .bad("norms", new double[] {1, 0, 0.25}, "norms[1]", "> 0", "0.0")
                .bad("norms", new double[] {1, -0.5, 0.25}, "norms[1]", "-0.5")
                .bad("norms", new double[] {1, NAN, 0.25}, "norms[1]", "NaN");
    }

    private static void npy(BadInputSweep s, Path dir) {
        s.constructor(NpyArray.class, new int[] {2, 2}, new double[4])
                .bad("shape", new int[] {1, 1, 1}, "shape", "0, 1 or 2 dimensions", "[1, 1, 1]")
                .bad("shape", new int[] {2, -1}, "shape[1]", ">= 0", "-1")
                .bad("data", new double[3], "data", "length must be 4", "was 3")
                .bad("shape", new int[] {HUGE, HUGE}, "data", "2500000000");
        s.method(NpyArray.class, "matrix", m(2, 3));
        s.method(NpyArray.class, "vector", m(3, 1)).bad("v", m(1, 3), "v", "column vector", "1x3");
        s.exempt("new NpyFormatException(Path,String)",
                "the exception the library throws for a bad file; it records the path and the problem it is given");
        s.exempt("NpyArray.sameBits(NpyArray)", "a comparison: an array never has the same bits as null, so false");
        s.method(Npy.class, "read", dir.resolve("missing.npy"))
                .fails(NpyFormatException.class, "file", dir.resolve("absent.npy"), "absent.npy", "no such file")
                .fails(NpyFormatException.class, "file", dir, dir.toString(), "is a directory")
                .refuses("a file that is not .npy", NpyFormatException.class, () -> {
                    Path f = dir.resolve("text.npy");
                    Files.writeString(f, "hello, not an array");
                    Npy.read(f);
                }, "text.npy", "bad magic string");
        s.method(Npy.class, "readMatrix", dir.resolve("x.npy"))
                .refuses("a truncated file", NpyFormatException.class, () -> {
                    Path f = dir.resolve("truncated.npy");
                    byte[] whole = Npy.encode(NpyArray.matrix(m(3, 3)));
                    Files.write(f, Arrays.copyOf(whole, whole.length - 8));
                    Npy.readMatrix(f);
                }, "truncated.npy", "truncated", "needs 72 data bytes, found 64");
        s.method(Npy.class, "write", dir.resolve("w.npy"), NpyArray.matrix(m(2, 2)))
                .fails(NoSuchFileException.class, "file", dir.resolve("no-such-dir").resolve("w.npy"), "no-such-dir");
        s.method(Npy.class, "writeMatrix", dir.resolve("m.npy"), m(2, 2));
        s.method(Npy.class, "writeVector", dir.resolve("v.npy"), m(2, 1)).bad("v", m(2, 2), "v", "column vector");
        s.method(Npy.class, "encode", NpyArray.matrix(m(1, 1)));
        byte[] good = Npy.encode(NpyArray.vector(m(3, 1)));
        s.method(Npy.class, "parse", good, dir.resolve("p.npy"))
                .fails(NpyFormatException.class, "bytes", new byte[] {1, 2, 3}, "p.npy", "too short")
                .fails(NpyFormatException.class, "bytes", Arrays.copyOf(good, good.length + 8), "p.npy",
                        "8 unexpected bytes after the data")
                .fails(NpyFormatException.class, "bytes", withDescr(good, "<f8", "<i8"), "p.npy", "unsupported dtype");
        s.method(Npy.class, "writeAtomically", dir.resolve("a.npy"), new byte[0])
                .fails(NoSuchFileException.class, "file", dir.resolve("gone").resolve("a.npy"), "gone");
        s.method(StateDictIO.class, "fileName", "weight_hh");
        CellParameters gru = CellParameters.gru(2, 3);
        s.method(StateDictIO.class, "save", gru, dir.resolve("saved"))
                .fails(NoSuchFileException.class, "dir", dir.resolve("nowhere"), "nowhere");
        s.method(StateDictIO.class, "load", dir.resolve("nothing"), 3).bad("gates", 2, "gates", "1 (vanilla)", "was 2")
                .fails(NpyFormatException.class, "dir", dir.resolve("nothing"), "weight_hh_l0.npy", "no such file")
                .refuses("a GRU state dict loaded as an LSTM", NpyFormatException.class, () -> {
                    Path d = Files.createDirectories(dir.resolve("gru"));
                    StateDictIO.save(gru, d);
                    StateDictIO.load(d, 4);
                }, "weight_hh_l0.npy", "4 gate block(s)");
        s.method(StateDictIO.class, "loadInto", dir.resolve("nothing"), gru)
                .fails(NpyFormatException.class, "dir", dir.resolve("nothing"), "no such file")
                .refuses("a NaN weight on disk", NpyFormatException.class, () -> {
                    Path d = Files.createDirectories(dir.resolve("nan"));
                    CellParameters p = CellParameters.gru(2, 3);
                    StateDictIO.save(p, d);
                    Npy.writeVector(d.resolve(StateDictIO.fileName(CellParameters.BIAS_HH)), withEntry(m(9, 1), NAN));
                    StateDictIO.loadInto(d, CellParameters.gru(2, 3));
                }, "bias_hh_l0.npy", "NaN")
                .refuses("a state dict of another hidden size", NpyFormatException.class, () -> {
                    Path d = Files.createDirectories(dir.resolve("wide"));
                    StateDictIO.save(CellParameters.gru(2, 4), d);
                    StateDictIO.loadInto(d, CellParameters.gru(2, 3));
                }, "weight_ih_l0.npy", "(12, 2)", "(9, 2)");
    }

    /** The .npy bytes with one dtype text replaced by another of the same length. */
    private static byte[] withDescr(byte[] npy, String from, String to) {
        String text = new String(npy, java.nio.charset.StandardCharsets.ISO_8859_1).replace(from, to);
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void csv(BadInputSweep s, Path dir) {
        s.method(CsvTable.class, "read", dir.resolve("t.csv"))
                .fails(NoSuchFileException.class, "file", dir.resolve("none.csv"), "none.csv");
        s.method(CsvTable.class, "parse", "table.csv", "a,b\n1,2\n").nullable("source")
                .bad("text", "", "table.csv", "is empty")
                .bad("text", "a,b\n1,2,3\n", "table.csv", "row 2 has 3 cells, the header 2");
        Supplier<CsvTable> table = () -> CsvTable.parse("table.csv", "a,b\n1,x\n");
        s.method(CsvTable.class, table, "text", 0, "a").bad("r", 1, "r", "[0, 1)", "was 1").bad("r", -1, "r", "-1")
                .bad("column", "c", "column", "table.csv has no column c");

        s.method(CsvTable.class, table, "number", 0, "a").bad("column", "b", "column", "b of row 0", "was 'x'")
                .bad("r", 2, "r", "was 2");
        s.constructor(CsvWriter.class, new StringBuilder(), List.of("a", "b"))
                .bad("header", List.of(), "header", "empty")
                .bad("header", Arrays.asList("a", null), "header[1]", "null");
        s.method(CsvWriter.class, "create", dir.resolve("c.csv"), List.of("a"))
                .fails(NoSuchFileException.class, "file", dir.resolve("missing").resolve("c.csv"), "missing")
                .bad("header", List.of(), "header", "empty");
        s.method(CsvWriter.class, () -> new CsvWriter(new StringBuilder(), List.of("a", "b")), "row",
                        (Object) new Object[] {1, "x"})
                .bad("cells", new Object[] {1}, "row", "2 cells", "had 1")
                .bad("cells", new Object[] {1, new Object()}, "cell", "Double, Integer", "java.lang.Object")
                .bad("cells", new Object[] {1, null}, "cell", "was null");
    }

    /** A source whose Jacobian is NaN. */
    private static final class NaNSource implements JacobianSource {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void advance(DMatrixRMaj jacobian) {
            jacobian.fill(NAN);
        }
    }

    /** A source without dimensions. */
    private static final class EmptySource implements JacobianSource {
        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public void advance(DMatrixRMaj jacobian) {
        }
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
