package org.rnngradients.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.PlotData;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.analysis.plot.SvgFigure;
import org.rnngradients.analysis.sweep.GainSummary;
import org.rnngradients.analysis.sweep.LyapunovTask;
import org.rnngradients.analysis.sweep.PointTask;
import org.rnngradients.analysis.sweep.SweepJournal;
import org.rnngradients.analysis.sweep.SweepPoint;
import org.rnngradients.analysis.sweep.SweepResult;
import org.rnngradients.analysis.sweep.SweepRunner;
import org.rnngradients.analysis.sweep.ZeroCrossing;
import org.rnngradients.cells.CellKind;
import org.rnngradients.testing.BadInputSweep;

/**
 * The analysis sweep's rows for the mean-field theory, Gauss–Hermite rules, the resumable sweep (points, results,
 * tasks, the journal, the runner and the summaries) and the chart wrapper: gains and tolerances ≤ 0 or not finite,
 * orders and indices out of range, λ beyond what the theory reaches, grids that are empty, repeat a point or do not
 * match their journal, journals of another kind of sweep, results for a point already recorded, incomplete seed ×
 * gain tables, series of unequal lengths, empty axis ranges, bad colours, widths and SVG id prefixes.
 */
final class SweepBadInputCases {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final AtomicInteger FILES = new AtomicInteger();

    private SweepBadInputCases() {
    }

    /** Adds every row to {@code s}; journal files go under {@code dir}. */
    static void add(BadInputSweep s, Path dir) {
        theory(s);
        points(s);
        journal(s, dir);
        summaries(s);
        charts(s);
    }

    private static SweepPoint point(double gain, long seed) {
        return new SweepPoint(CellKind.RNN_TANH, 4, gain, seed);
    }

    private static SweepResult result(double gain, long seed) {
        return new SweepResult(point(gain, seed), 0.1, 0.12, 0.5, NAN);
    }

    private static LyapunovTask task() {
        return new LyapunovTask(0, 4, 1, false);
    }

    private static void theory(BadInputSweep s) {
        s.constructor(MeanFieldTheory.class, "(double)", 1e-6).bad("tolerance", 0.0).bad("tolerance", NAN)
                .bad("tolerance", -1e-8).bad("tolerance", INF);
        for (String name : List.of("largestExponent", "variance", "solve")) {
            s.method(MeanFieldTheory.class, MeanFieldTheory::new, name, 1.5).bad("g", 0.0).bad("g", -1.0)
                    .bad("g", NAN).bad("g", INF);
        }
        s.method(MeanFieldTheory.class, MeanFieldTheory::new, "gainForExponent", 0.1).bad("lambda", NAN)
                .bad("lambda", -INF).bad("lambda", 1.0, "lambda", "lambda_max(3)", "was 1.0");
        s.exempt("new MeanFieldTheory.Solution(double,double,double,double,int,double)",
                "a record of the figures solve computed; nothing is derived from it");
        s.method(GaussHermite.class, "of", 8).bad("order", 0).bad("order", -1)
                .bad("order", GaussHermite.MAX_ORDER + 1, "order", "[1, 1024]", "was 1025");
        for (String name : List.of("node", "weight")) {
            s.method(GaussHermite.class, () -> GaussHermite.of(4), name, 0).bad("i", -1, "i", "[0, 3]")
                    .bad("i", 4, "i", "[0, 3]", "was 4");
        }
        s.method(GaussHermite.class, () -> GaussHermite.of(4), "expectation", (java.util.function.DoubleUnaryOperator) Math::cos);
    }

    private static void points(BadInputSweep s) {
        s.constructor(SweepPoint.class, CellKind.GRU, 4, 1.5, 1L).bad("hidden", 0).bad("hidden", -4)
                .bad("gain", 0.0).bad("gain", NAN).bad("gain", INF);
        s.constructor(SweepResult.class, point(1.5, 1), 0.1, 0.1, 0.5, 1.2).bad("largestExponent", NAN)
                .bad("halfTimeExponent", NAN).bad("activity", -0.5).bad("activity", INF)
                .bad("spectralRadius", -1.0).bad("spectralRadius", INF);
        s.constructor(LyapunovTask.class, 0, 4, 1, true).bad("warmUp", -1).bad("steps", 0).bad("interval", 0)
                .bad("steps", 5, "steps", "multiple of 2 * interval = 2", "was 5")
                .bad("interval", Integer.MAX_VALUE, "steps", "multiple of 2 * interval = 4294967294", "was 4")
                .bad("interval", 1 << 30, "steps", "2147483648");
        for (Class<? extends PointTask> owner : List.of(LyapunovTask.class, PointTask.class)) {
            @SuppressWarnings("unchecked")
            Class<PointTask> type = (Class<PointTask>) owner;
            s.method(type, () -> new LyapunovTask(0, 4, 1, true), "evaluate", point(1.5, 1))
                    .bad("point", new SweepPoint(CellKind.LSTM, 4, 1.5, 1), "spectral radius", "vanilla cells only",
                            "lstm")
                    .bad("point", new SweepPoint(CellKind.RNN_TANH, 1 << 20, 1.5, 1), "hiddenSize", "1048576",
                            "largest array");
        }
        s.constructor(SweepRunner.class, task(), 2).bad("threads", 0).bad("threads", Integer.MIN_VALUE);
        s.exempt("SweepRunner.Listener.started(int,int)",
                "a callback the runner calls with its own counts; implementations are the caller's");
        s.exempt("SweepRunner.Listener.completed(SweepResult)",
                "a callback the runner calls with results it has checked; implementations are the caller's");
    }

    private static Path fresh(Path dir) {
        return dir.resolve("sweep-" + FILES.incrementAndGet() + ".csv");
    }

    private static SweepJournal open(Path file) {
        try {
            return SweepJournal.open(file, task());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void journal(BadInputSweep s, Path dir) {
        Supplier<SweepJournal> journal = () -> open(fresh(dir));
        s.method(SweepJournal.class, "open", fresh(dir), task())
                .refuses("a file holding another sweep's results", () -> {
                    Path other = fresh(dir);
                    Files.writeString(other, "cell,n,gain\n");
                    SweepJournal.open(other, task());
                }, "header", "cell,n,gain", "another kind of sweep")
                .refuses("a journal of the same header but other settings", () -> {
                    Path file = fresh(dir);
                    SweepJournal j = SweepJournal.open(file, task());
                    j.append(result(1.5, 1));
                    j.close();
                    SweepJournal.open(file, new LyapunovTask(0, 8, 1, false));
                }, "steps", "steps = 4 there", "steps = 8");
        s.method(SweepJournal.class, journal, "append", result(1.5, 1))
                .refuses("a point already recorded", () -> {
                    SweepJournal j = journal.get();
                    j.append(result(1.5, 1));
                    j.append(result(1.5, 1));
                }, "rnn-tanh N=4 g=1.5 seed=1", "is already in")
                .refuses("a result without the spectral radius its task computes", () -> {
                    SweepJournal j = SweepJournal.open(fresh(dir), new LyapunovTask(0, 4, 1, true));
                    j.append(result(1.5, 1));
                }, "result", "lacks the spectral radius");
        s.method(SweepJournal.class, journal, "finish", List.of())
                .fails(IllegalStateException.class, "order", List.of(point(2, 3)), "rnn-tanh N=4 g=2.0 seed=3",
                        "has no result");
        List<SweepPoint> grid = List.of(point(1.5, 1), point(2, 1));
        s.method(SweepRunner.class, () -> new SweepRunner(task(), 1), "run", grid, journal.get(), SweepRunner.SILENT)
                .bad("grid", List.of(), "grid", "empty")
                .bad("grid", Arrays.asList(point(1.5, 1), null), "grid point", "null")
                .bad("grid", List.of(point(1.5, 1), point(1.5, 1)), "grid", "repeat", "g=1.5 seed=1")
                .refuses("a journal holding points outside the grid", () -> {
                    SweepJournal j = journal.get();
                    j.append(result(3, 9));
                    new SweepRunner(task(), 1).run(grid, j, SweepRunner.SILENT);
                }, "results file", "outside this grid", "g=3.0 seed=9");
    }

    private static void summaries(BadInputSweep s) {
        List<SweepResult> results = List.of(result(1.5, 1), result(2, 1), result(1.5, 2), result(2, 2));
        s.method(GainSummary.class, "of", results, 0.01).bad("epsilon", -0.01).bad("epsilon", NAN)
                .bad("epsilon", INF).bad("results", Arrays.asList(result(1.5, 1), null), "result", "null");
        s.method(ZeroCrossing.class, "of", results, 0.0, 10, 1L).bad("threshold", NAN).bad("threshold", INF)
                .bad("resamples", 0).bad("resamples", -10)
                .bad("results", Arrays.asList((SweepResult) null), "result", "null")
                .bad("results", results.subList(0, 3), "results", "every seed at every gain", "g=2.0 seed=2");
        s.exempt("new GainSummary(CellKind,int,double,int,double,double,double,double,int,int,double,double)",
                "a record of the figures GainSummary.of computed from checked results");
        s.exempt("new ZeroCrossing(CellKind,int,double,int,OptionalDouble,double,int,int,OptionalDouble,double,int)",
                "a record of the figures ZeroCrossing.of computed from checked results");
    }

    private static final double[] X = {1, 2, 3};
    private static final Supplier<Chart> EMPTY = () -> new Chart("x", "y");

    private static Chart chart() {
        return new Chart("x", "y").line("a", X, X);
    }

    private static void charts(BadInputSweep s) {
        s.constructor(Chart.class, "(String,String)", "t", "λ");
        s.method(Chart.class, EMPTY, "title", "T").nullable("text").bad("text", null, "title", "null");
        s.method(Chart.class, EMPTY, "line(String,double[],double[])", "a", X, X)
                .bad("y", new double[] {1, 2}, "x and y of a", "3 and 2")
                .bad("x", new double[0], "x and y of a", "non-zero");
        s.method(Chart.class, EMPTY, "line(String,double[],double[],Style)", "b", X, X, Style.solid(1))
                .bad("y", new double[4], "x and y", "3 and 4");
        s.method(Chart.class, EMPTY, "band", "c", X, X, X, 2).nullable("lower", "upper")
                .bad("upper", null, "x and y of c", "null").bad("lower", new double[1], "x and y of c", "3 and 1")
                .bad("colour", -1, "colour index", "-1");
        s.method(Chart.class, EMPTY, "horizontal", "d", 0.5, Style.dashed(0))
                .bad("y", NAN, "y of d", "NaN").bad("y", -INF, "y of d", "-Infinity");
        for (String axis : List.of("x", "y")) {
            s.method(Chart.class, EMPTY, axis + "Range", 0.0, 1.0)
                    .bad("lo", NAN, axis + " range", "lo < hi", "NaN").bad("hi", 0.0, axis + " range", "[0.0, 0.0]")
                    .bad("hi", INF, axis + " range", "Infinity");
        }
        s.method(Palette.class, "colour", 3).bad("i", -1, "colour index", "was -1")
                .bad("i", Integer.MIN_VALUE, "colour index", "-2147483648");
        s.method(PlotData.class, "oneTo", 3).bad("n", -1, "n", ">= 0", "was -1");
        s.method(PlotData.class, "evenlySpread", 10, 3).bad("n", -1, "n", ">= 0", "-1 and 3")
                .bad("most", 0, "most", ">= 1", "10 and 0");
        s.constructor(Style.class, 1, false, false, 2f).bad("width", 0f).bad("width", Float.NaN)
                .bad("width", Float.POSITIVE_INFINITY).bad("width", -1f);
        s.method(Style.class, Style::auto, "withWidth", 3f).bad("w", 0f, "width", "0.0").bad("w", Float.NaN, "width",
                "NaN");
        s.exempt("Style.solid(int)", "any colour: -1 is the automatic colour and Palette.colour refuses another "
                + "negative index when the chart is drawn");
        s.exempt("Style.dashed(int)", "any colour: -1 is the automatic colour and Palette.colour refuses another "
                + "negative index when the chart is drawn");
        s.method(SvgFigure.class, "svg(String,Chart)", "f", chart()).bad("defsPrefix", "1f", "defsPrefix", "was 1f")
                .bad("defsPrefix", "f g", "defsPrefix", "letters, digits");
        s.method(SvgFigure.class, "svg(String,int,int,Chart)", "f", 100, 80, chart())
                .bad("width", 0, "panelWidth", "was 0").bad("height", -1, "panelHeight", "was -1");
        s.method(SvgFigure.class, "grid", "g", 2, 100, 80, List.of(chart(), chart()))
                // the chart wrapper's message for a null list is the one for an empty list
                .nullable("panels").bad("panels", null, "panels", "must not be empty")
                .bad("columns", 0).bad("panelWidth", -3).bad("panelHeight", 0)
                .bad("panels", List.of(), "panels", "empty")
                .bad("panels", Arrays.asList(chart(), null), "panel 1", "null");
        s.method(SvgFigure.class, "write", Path.of("figure.svg"), "<svg/>");
    }
}
