package org.rnngradients.bptt.floss;

import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.PascanuCliff;
import org.rnngradients.bptt.floss.FlossingExperiment.Settings;
import org.rnngradients.bptt.floss.FlossingExperiment.Setup;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.CopyTask;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.testing.BadInputSweep;

/**
 * The bptt sweep's rows for gradient flossing (package {@code bptt.floss}) and Pascanu's cliff: exponent counts
 * outside [1, n], horizons ≤ 0 and too long for an array, warm-ups outside [0, T), frames and adjoints of the wrong
 * shape or aliased, steps from another cell, a triangle R whose diagonal is not positive (the typed
 * {@link ArithmeticException} of a rank-deficient QR), cells the tangent model does not know, NaN exponents,
 * schedules and settings out of range, and count pairs whose total overflows an int.
 */
public final class FlossingBadInputCases {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int I = 2;
    private static final int H = 3;
    private static final int K = 2;
    private static final int T = 6;

    private FlossingBadInputCases() {
    }

    /** Adds every flossing and cliff row to {@code s}. */
    public static void add(BadInputSweep s) {
        objectives(s);
        schedules(s);
        engines(s);
        tangents(s);
        qrAdjoint(s);
        phasesAndTerms(s);
        experiment(s);
        verdict(s);
        cliff(s);
    }

    private static RecurrentCell cell(CellKind kind) {
        return FlossFixtures.cell(kind, I, H, 1.0, 3);
    }

    private static DMatrixRMaj m(int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < a.getNumElements(); k++) {
            a.data[k] = 0.1 * (k % 5) - 0.2;
        }
        return a;
    }

    private static DMatrixRMaj withEntry(DMatrixRMaj a, double value) {
        DMatrixRMaj b = a.copy();
        b.data[b.getNumElements() - 1] = value;
        return b;
    }

    /** An upper-triangular k × k R with a positive diagonal, or with {@code diagonal} at (k−1, k−1). */
    private static DMatrixRMaj triangle(int k, double diagonal) {
        DMatrixRMaj r = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                r.set(i, j, i == j ? 1.0 + i : 0.3);
            }
        }
        r.set(k - 1, k - 1, diagonal);
        return r;
    }

    private static void objectives(BadInputSweep s) {
        for (ExponentObjective objective : ExponentObjective.values()) {
            s.method(ExponentObjective.class, () -> objective, "value", (Object) new double[] {0.1, -0.2})
                    .bad("exponents", new double[] {0.1, NAN}, "exponents[1]", "NaN");
            s.method(ExponentObjective.class, () -> objective, "derivative", -0.3).bad("exponent", NAN);
        }
    }

    private static void schedules(BadInputSweep s) {
        s.constructor(FlossingSchedule.class, 0.5, 2, 10).bad("weight", 0.0).bad("weight", -1.0).bad("weight", NAN)
                .bad("weight", INF).bad("interval", 0).bad("interval", Integer.MIN_VALUE).bad("episodes", 0);
        s.method(FlossingSchedule.class, () -> new FlossingSchedule(1, 1, 1), "activeAt", 1L).bad("step", 0L, "step",
                ">= 1", "was 0").bad("step", Long.MIN_VALUE, "step", "-9223372036854775808");
        s.constructor(FlossingTarget.class, K, T, 1).bad("exponents", 0).bad("horizon", 0).bad("horizon", -T)
                .bad("warmUp", -1, "warmUp", "[0, 5]", "was -1").bad("warmUp", T, "warmUp", "[0, 5]", "was 6");
    }

    private static void engines(BadInputSweep s) {
        RecurrentCell vanilla = cell(CellKind.RNN_TANH);
        s.constructor(LyapunovGradient.class, vanilla, K, T, 1, 7L).bad("exponents", 0)
                .bad("exponents", H + 1, "exponents", "[1, 3]", "was 4")
                .bad("horizon", 0).bad("horizon", Integer.MAX_VALUE, "horizon", "2147483647")
                .bad("warmUp", T, "warmUp", "[0, 5]", "was 6").bad("warmUp", -1)
                .bad("cell", mock(RecurrentCell.class), "cell", "VanillaRnnCell, GruCell or LstmCell");
        DMatrixRMaj[] inputs = FlossFixtures.inputs(T, I, 1);
        Supplier<LyapunovGradient> engine = () -> new LyapunovGradient(cell(CellKind.GRU), K, T, 1, 7L);
        s.method(LyapunovGradient.class, engine, "exponents", m(H, 1), inputs, new double[K])
                .bad("initialState", m(H + 1, 1), "initialState", H + "x1", (H + 1) + "x1")
                .bad("initialState", withEntry(m(H, 1), NAN), "initialState", "NaN")
                .bad("inputs", FlossFixtures.inputs(T - 1, I, 1), "inputs", "horizon 6", "was 5")
                .bad("inputs", withNull(inputs, 2), "inputs[2]", "null")
                .bad("inputs", with(inputs, 0, m(I + 1, 1)), "inputs[0]", I + "x1", (I + 1) + "x1")
                .bad("inputs", with(inputs, T - 1, withEntry(m(I, 1), -INF)), "inputs[5]", "-Infinity")
                .bad("out", new double[K + 1], "out", "length 2", "was 3")
                .refuses("a cell whose W_hh holds NaN", () -> {
                    RecurrentCell c = cell(CellKind.GRU);
                    c.parameters().weightHh().set(1, 2, NAN);
                    new LyapunovGradient(c, K, T, 1, 7L).exponents(m(H, 1), inputs, new double[K]);
                }, "parameters.weight_hh", "NaN");
        s.method(LyapunovGradient.class, engine, "gradient", ExponentObjective.SUM_OF_SQUARES, m(H, 1), inputs, 1.0,
                        cell(CellKind.GRU).parameters().zerosLike())
                .bad("scale", NAN).bad("scale", -INF)
                .bad("initialState", m(1, H), "initialState", "1x" + H)
                .bad("inputs", new DMatrixRMaj[0], "inputs", "was 0")
                .bad("gradients", vanilla.parameters().zerosLike(), "gradients.weight_hh", (3 * H) + "x" + H,
                        H + "x" + H);
    }

    private static DMatrixRMaj[] with(DMatrixRMaj[] inputs, int index, DMatrixRMaj value) {
        DMatrixRMaj[] copy = inputs.clone();
        copy[index] = value;
        return copy;
    }

    private static DMatrixRMaj[] withNull(DMatrixRMaj[] inputs, int index) {
        return with(inputs, index, null);
    }

    /** The three tangent cells: n = H for the vanilla cell and the GRU, 2H for the LSTM. */
    private static void tangents(BadInputSweep s) {
        s.method(TangentCell.class, "of", cell(CellKind.LSTM))
                .bad("cell", mock(RecurrentCell.class), "cell", "VanillaRnnCell, GruCell or LstmCell");
        for (CellKind kind : List.of(CellKind.RNN_RELU, CellKind.GRU, CellKind.LSTM)) {
            Supplier<TangentCell> tangent = () -> TangentCell.of(cell(kind));
            int n = tangent.get().stateSize();
            s.method(TangentCell.class, tangent, "newStep", K).bad("directions", 0)
                    .bad("directions", n + 1, "directions", "[1, " + n + "]", "was " + (n + 1));
            Object step = BadInputSweep.fromReceiver(TangentStep.class, (TangentCell c) -> c.newStep(K));
            TangentStep foreign = tangent.get().newStep(K);
            s.method(TangentCell.class, tangent, "forward", step, m(n, 1), m(I, 1), m(n, 1))
                    .bad("step", foreign, "step", "this cell's newStep()")
                    .bad("previous", m(n + 1, 1), "previous", n + "x1", (n + 1) + "x1")
                    .bad("input", m(1, I), "input", I + "x1", "1x" + I)
                    .bad("state", m(n, 2), "state", n + "x1", n + "x2")
                    .refuses("state the same object as previous", () -> {
                        TangentCell c = tangent.get();
                        DMatrixRMaj same = m(n, 1);
                        c.forward(c.newStep(K), same, m(I, 1), same);
                    }, "state", "same object as previous");
            s.method(TangentCell.class, tangent, "tangent", step, m(n, K), m(n, K))
                    .bad("step", foreign, "step", "newStep()")
                    .bad("frame", m(n, K + 1), "frame", n + "x" + K, n + "x" + (K + 1))
                    .bad("image", m(n + 1, K), "image", n + "x" + K, (n + 1) + "x" + K)
                    .refuses("image the same object as frame", () -> {
                        TangentCell c = tangent.get();
                        DMatrixRMaj same = m(n, K);
                        c.tangent(c.newStep(K), same, same);
                    }, "image", "same object as frame");
            Object gradients = BadInputSweep.fromReceiver(CellParameters.class,
                    (TangentCell c) -> c.parameters().zerosLike());
            s.method(TangentCell.class, tangent, "adjoint", step, m(n, K), m(n, 1), m(n, K), m(n, 1), m(n, K), gradients)
                    .bad("step", foreign, "step", "newStep()")
                    .bad("frame", m(K, n), "frame", n + "x" + K)
                    .bad("stateAdjoint", m(n, K), "stateAdjoint", n + "x1")
                    .bad("imageAdjoint", m(n, 1), "imageAdjoint", n + "x" + K, n + "x1")
                    .bad("previousStateAdjoint", m(n - 1, 1), "previousStateAdjoint", n + "x1")
                    .bad("frameAdjoint", m(n, K - 1), "frameAdjoint", n + "x" + K)
                    .bad("gradients", cell(kind == CellKind.GRU ? CellKind.LSTM : CellKind.GRU).parameters().zerosLike(),
                            "gradients.weight_hh")
                    .refuses("frameAdjoint the same object as imageAdjoint", () -> {
                        TangentCell c = tangent.get();
                        DMatrixRMaj same = m(n, K);
                        c.adjoint(c.newStep(K), m(n, K), m(n, 1), same, m(n, 1), same, c.parameters().zerosLike());
                    }, "adjoint outputs", "different objects");
        }
    }

    private static void qrAdjoint(BadInputSweep s) {
        int rows = 4;
        s.constructor(QrAdjoint.class, rows, K).bad("rows", 0).bad("cols", -1)
                .bad("rows", 1, "rows", ">= cols", "rows=1, cols=2")
                .refuses("rows x cols overflowing an int", () -> new QrAdjoint(100_000, 100_000), "rows",
                        "100000 x 100000", "largest array");
        s.method(QrAdjoint.class, () -> new QrAdjoint(rows, K), "adjoint", m(rows, K), triangle(K, 2), m(rows, K),
                        m(K, K), new DMatrixRMaj(rows, K))
                .bad("q", m(rows, K + 1), "q", rows + "x" + K, rows + "x" + (K + 1))
                .bad("r", m(K + 1, K), "r", K + "x" + K)
                .bad("qBar", m(rows - 1, K), "qBar", rows + "x" + K)
                .bad("rBar", m(K, 1), "rBar", K + "x" + K, K + "x1")
                .bad("aBar", m(K, rows), "aBar", rows + "x" + K)
                .fails(ArithmeticException.class, "r", triangle(K, 0), "R_ii", "(1, 1) was 0.0")
                .fails(ArithmeticException.class, "r", triangle(K, -1e-3), "R_ii", "was -0.001")
                .fails(ArithmeticException.class, "r", triangle(K, NAN), "R_ii", "was NaN")
                .fails(ArithmeticException.class, "r", triangle(K, INF), "R_ii", "was Infinity")
                .refuses("aBar the same object as q", () -> {
                    DMatrixRMaj q = m(rows, K);
                    new QrAdjoint(rows, K).adjoint(q, triangle(K, 2), m(rows, K), m(K, K), q);
                }, "aBar", "different object");
    }

    private static RnnModel model(int hidden) {
        return Fixtures.model(CellKind.RNN_TANH, I, hidden, 1, new MeanSquaredError(), 5);
    }

    private static Sequence[] batch(int sequences) {
        Sequence[] b = new Sequence[sequences];
        for (int i = 0; i < sequences; i++) {
            b[i] = Fixtures.sequence(4, I, 1, false, false, 11 + i);
        }
        return b;
    }

    private static void phasesAndTerms(BadInputSweep s) {
        FlossingTarget target = new FlossingTarget(K, T, 1);
        s.constructor(FlossingPhase.class, target, 3, new Adam(0.01)).bad("steps", 0).bad("steps", -3);
        s.method(FlossingPhase.class, () -> new FlossingPhase(target, 1, new Adam(0.01)), "run", model(H),
                        AddingProblem.sumForm(4), RandomSource.seeded(1))
                .bad("model", model(1), "exponents", "state size 1", "was 2")
                .bad("task", new CopyTask(3, 2, 2), "inputs[0]", I + "x1");
        s.constructor(FlossingPhase.Step.class, 1, 0.5, new double[] {0.1, -0.1});
        s.constructor(FlossingTerm.class, target, new FlossingSchedule(1, 1, 1));
        Supplier<FlossingTerm> term = () -> new FlossingTerm(target, new FlossingSchedule(0.5, 1, 3));
        RnnModel model = model(H);
        s.method(FlossingTerm.class, term, "accumulate", model, batch(2), 1L, model.newGradients())
                .bad("step", 0L, "step", ">= 1", "was 0")
                .bad("batch", batch(1), "batch", "horizon 6", "held 4")
                .bad("batch", new Sequence[] {batch(1)[0], null}, "batch[1]", "null")
                .bad("batch", new Sequence[] {Fixtures.sequence(T, I + 1, 1, false, false, 3)}, "inputs[0]", I + "x1",
                        (I + 1) + "x1")
                .bad("model", model(1), "exponents", "state size 1")
                .bad("gradients", model(H + 1).newGradients(), "gradients.weight_hh", H + "x" + H);
    }

    private static Settings settings() {
        return new Settings(10, H, 2, 2, 0.01, 1.0, new FlossingTarget(K, T, 1), 1, null, new FlossingTarget(1, T, 0),
                1, 4, 2);
    }

    private static void experiment(BadInputSweep s) {
        s.method(Setup.class, "fromCliName", "flossing").bad("name", "floss", "setup", "none, clipping", "was floss")
                .bad("name", "FLOSSING", "setup", "was FLOSSING");
        s.method(FlossingExperiment.class, "run", Setup.NONE, settings(), 1L);
        FlossingTarget tooMany = new FlossingTarget(H + 1, T, 0);
        s.constructor(Settings.class, 10, H, 2, 2, 0.01, 1.0, new FlossingTarget(K, T, 1), 1,
                        new FlossingSchedule(1, 2, 3), new FlossingTarget(1, T, 0), 1, 4, 2).nullable("schedule")
                .bad("length", 1, "length", "[2, 2147483647]", "was 1").bad("hidden", 0).bad("steps", 0)
                .bad("batch", -1).bad("learningRate", 0.0).bad("learningRate", NAN).bad("clip", -1.0)
                .bad("clip", INF).bad("target", tooMany, "target.exponents", "[1, 3]", "was 4")
                .bad("preflossSteps", -1).bad("monitor", tooMany, "monitor.exponents", "[1, 3]", "was 4")
                .bad("evaluateEvery", 0).bad("testSize", 0).bad("profileSize", 0)
                .bad("profileSize", 5, "profileSize", "[1, 4]", "was 5");
        s.constructor(FlossingExperiment.Sample.class, 1L, 0.1, new double[] {0.2});
        s.constructor(FlossingExperiment.Outcome.class, Setup.NONE, 10, 1L, 0.1, 0.02, true, 0L, List.of(),
                new double[] {0.1}, List.of());
    }

    private static void verdict(BadInputSweep s) {
        for (String name : List.of("fisherOneSided", "verdict")) {
            s.method(FlossingVerdict.class, name, 3, 5, 1, 5).bad("a", -1, "a", "[0, 5]", "was -1")
                    .bad("a", 6, "a", "[0, 5]", "was 6").bad("n", 0, "n", "> 0", "was 0")
                    .bad("b", 6, "b", "[0, 5]").bad("m", -5, "m", "> 0", "was -5")
                    .bad("m", Integer.MAX_VALUE, "m", "n + m fits an int", "was 2147483647");
        }
    }

    private static void cliff(BadInputSweep s) {
        s.constructor(PascanuCliff.class, 50, 0.5, 0.7).bad("horizon", 0).bad("horizon", Integer.MIN_VALUE)
                .bad("initialPreActivation", NAN).bad("initialPreActivation", -INF).bad("target", NAN)
                .bad("target", INF);
        Supplier<PascanuCliff> cliff = () -> new PascanuCliff(5, 0.5, 0.7);
        for (String name : List.of("loss", "gradient")) {
            s.method(PascanuCliff.class, cliff, name, 5.0, -2.5).bad("w", NAN).bad("w", INF).bad("b", -INF)
                    .bad("b", NAN);
        }
        s.method(PascanuCliff.class, cliff, "wall", 6.0).bad("w", 4.0, "w", "> 1/(h0(1-h0))", "was 4.0")
                .bad("w", NAN).bad("w", INF);
        s.method(PascanuCliff.class, cliff, "descend", 5.0, -2.5, 0.1, 3, GradientClipper.globalNorm(1))
                .bad("w0", NAN).bad("b0", INF).bad("learningRate", 0.0).bad("learningRate", NAN)
                .bad("steps", -1, "steps", ">= 0", "was -1");
        s.exempt("new PascanuCliff.Point(int,double,double,double,double,boolean,double)",
                "a record of the figures descend computed at one step, reported as they are");
    }
}
