package org.rnngradients.bptt;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnngradients.bptt.clip.ClipAction;
import org.rnngradients.bptt.clip.ClipOutcome;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.GradientClipping;
import org.rnngradients.bptt.clip.NonFiniteGradientException;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.floss.FlossingBadInputCases;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.optim.Optimiser;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.AgreementTask;
import org.rnngradients.bptt.tasks.CopyTask;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.LossTerm;
import org.rnngradients.bptt.train.ProgressListener;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingFailedException;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.GruCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.testing.BadInputSweep;

/**
 * The bad-input sweep of bptt (see {@link BadInputSweep}): the engines, sequences, models, losses, clipping,
 * optimisers, tasks and the trainer, with nulls, shapes that do not match the model, sizes ≤ 0 and sizes that
 * overflow, NaN/Inf in states, targets, outputs and gradients, steps out of range, and the typed exceptions a caller
 * catches ({@link NonFiniteGradientException}, {@link TrainingFailedException}); and the check that no public member is
 * left out.
 */
class BpttBadInputSweepTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int I = 2;
    private static final int H = 3;
    private static final int O = 1;
    private static final int T = 4;

    private static RnnModel model() {
        return Fixtures.model(CellKind.RNN_TANH, I, H, O, new MeanSquaredError(), 5);
    }

    private static RnnModel bare() {
        return new RnnModel(Fixtures.cell(CellKind.GRU, I, H, 5), new MeanSquaredError());
    }

    private static Sequence sequence() {
        return Fixtures.sequence(T, I, O, false, false, 7);
    }

    private static Sequence sequence(int inputSize, int targetSize) {
        return Fixtures.sequence(T, inputSize, targetSize, false, false, 7);
    }

    private static DMatrixRMaj m(int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < a.getNumElements(); k++) {
            a.data[k] = 0.1 * (k % 4) - 0.15;
        }
        return a;
    }

    private static DMatrixRMaj withEntry(DMatrixRMaj a, double value) {
        DMatrixRMaj b = a.copy();
        b.data[b.getNumElements() - 1] = value;
        return b;
    }

    private static DMatrixRMaj[] columns(int n, int size) {
        DMatrixRMaj[] c = new DMatrixRMaj[n];
        for (int k = 0; k < n; k++) {
            c[k] = m(size, 1);
        }
        return c;
    }

    private static ParameterSet gradientsWith(RnnModel model, double value) {
        ParameterSet g = model.parameters().zerosLike();
        g.get(RnnModel.READOUT_BIAS).set(0, 0, value);
        return g;
    }

    static BadInputSweep sweep() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.bptt");
        sequences(s);
        models(s);
        engines(s);
        results(s);
        losses(s);
        clipping(s);
        optimisers(s);
        tasks(s);
        training(s);
        FlossingBadInputCases.add(s);
        return s;
    }

    private static void sequences(BadInputSweep s) {
        DMatrixRMaj[] x = columns(T, I);
        DMatrixRMaj[] y = columns(T, O);
        for (String factory : List.of("of", "everyStep")) {
            s.method(Sequence.class, factory, x, y)
                    .bad("inputs", new DMatrixRMaj[0], "inputs", "empty", "length 0")
                    .bad("inputs", new DMatrixRMaj[] {m(I, 1), null, m(I, 1), m(I, 1)}, "inputs[1]", "null")
                    .bad("inputs", new DMatrixRMaj[] {m(I, 1), m(I + 1, 1), m(I, 1), m(I, 1)}, "inputs[1]", I + "x1",
                            (I + 1) + "x1")
                    .bad("inputs", new DMatrixRMaj[] {m(1, I), m(1, I), m(1, I), m(1, I)}, "inputs[0]", "column vector")
                    .bad("inputs", new DMatrixRMaj[] {m(I, 1), m(I, 1), withEntry(m(I, 1), NAN), m(I, 1)}, "inputs[2]",
                            "NaN")
                    .bad("targets", columns(T - 1, O), "targets", "length of inputs (4)", "was 3")
                    .bad("targets", new DMatrixRMaj[] {m(O, 1), m(O, 1), m(O + 1, 1), m(O, 1)}, "targets[2]", "2x1")
                    .bad("targets", new DMatrixRMaj[] {m(O, 1), m(O, 1), m(O, 1), withEntry(m(O, 1), INF)},
                            "targets[3]", "Infinity");
        }
        s.method(Sequence.class, "of", x, y)
                .bad("targets", new DMatrixRMaj[T], "targets", "at least one non-null target");
        s.method(Sequence.class, "everyStep", x, y)
                .bad("targets", new DMatrixRMaj[] {m(O, 1), null, m(O, 1), m(O, 1)}, "targets[1]", "null");
        s.method(Sequence.class, "lastStep", x, m(O, 1))
                .bad("inputs", new DMatrixRMaj[0], "inputs", "empty")
                .bad("target", withEntry(m(O, 1), NAN), "targets[3]", "NaN")
                .bad("target", m(1, 2), "targets[3]", "column vector", "1x2");
        for (String name : List.of("input", "target")) {
            s.method(Sequence.class, BpttBadInputSweepTest::sequence, name, 1).bad("t", 0, "t", "[1, 4]", "was 0")
                    .bad("t", T + 1, "t", "[1, 4]", "was 5").bad("t", Integer.MIN_VALUE, "t", "-2147483648");
        }
        s.method(Sequence.class, BpttBadInputSweepTest::sequence, "slice", 1, T)
                .bad("from", 0, "from", "[1, 4]").bad("from", T + 1, "from", "was 5")
                .bad("to", 0, "to", "[1, 4]", "was 0").bad("to", T + 1, "to", "was 5")
                .refuses("to before from", () -> sequence().slice(3, 2), "to", "[3, 4]", "was 2")
                .refuses("a slice without a target", () -> sequence().slice(1, 2), "targets", "non-null target");
    }

    private static void models(BadInputSweep s) {
        RecurrentCell cell = Fixtures.cell(CellKind.LSTM, I, H, 1);
        s.constructor(RnnModel.class, cell, new Readout(H, O), new MeanSquaredError())
                .bad("readout", new Readout(H + 1, O), "readout", "hiddenSize", "3", "was 4");
        s.constructor(RnnModel.class, cell, new SoftmaxCrossEntropy());
        s.constructor(Readout.class, H, O).bad("hiddenSize", 0).bad("outputSize", -1)
                .refuses("O x H overflowing an int", () -> new Readout(100_000, 100_000), "outputSize", "100000",
                        "entries");
        s.method(Readout.class, "initialised", H, O, Initialiser.xavierUniform(1), RandomSource.seeded(1))
                .bad("hiddenSize", 0).bad("outputSize", 0);
        Supplier<Readout> readout = () -> model().readout();
        s.method(Readout.class, readout, "forward", m(H, 1), null).nullable("output")
                .bad("h", m(H + 1, 1), "h", H + "x1", (H + 1) + "x1").bad("h", withEntry(m(H, 1), NAN))
                .bad("output", m(O + 1, 1), "output", O + "x1", (O + 1) + "x1");
        s.method(Readout.class, readout, "backward", m(H, 1), m(O, 1), m(O, H), m(O, 1), null).nullable("dh")
                .bad("h", m(1, H), "h", H + "x1").bad("h", withEntry(m(H, 1), -INF))
                .bad("dOutput", m(O + 1, 1), "dOutput", O + "x1").bad("dWeight", m(H, O), "dWeight", O + "x" + H)
                .bad("dBias", m(O, 2), "dBias", O + "x1").bad("dh", m(H, 2), "dh", H + "x1");
        s.method(ParameterSet.class, ParameterSet::new, "with", "w", m(2, 2))
                .refuses("a name twice", () -> new ParameterSet().with("w", m(1, 1)).with("w", m(1, 1)), "name",
                        "unique", "was w");
        s.method(TruncationBias.class, "between", model().parameters().zerosLike(), model().parameters())
                .bad("truncated", bare().parameters(), "truncated", "readout.weight")
                .bad("full", bare().parameters(), "truncated", "weight_ih");
        s.exempt("new TruncationBias(double,double,double)",
                "a record of three computed figures, NaN where documented (g = 0); nothing is derived from them");
        s.constructor(StoredActivations.class, 1L, 2L, 3L, 4L).bad("storedStates", -1L).bad("storedCaches", -1L)
                .bad("stateBytes", Long.MIN_VALUE).bad("cacheBytes", -4L);
        s.method(StoredActivations.class, () -> new StoredActivations(1, 2, 3, 4), "fullStorageBytes", 10L)
                .bad("length", 0L, "length", "0.0").bad("length", -5L, "length", "-5.0")
                .bad("length", Long.MAX_VALUE / 2, "length", "within a long");
        s.method(GradientProfile.class, () -> new GradientProfile(new double[] {0, -1}), "logNorm", 1)
                .bad("t", 0, "t", "[1, 2]").bad("t", 3, "t", "was 3");
        s.method(GradientProfile.class, () -> new GradientProfile(new double[] {0, -1}), "log10Norm", 2)
                .bad("t", -1, "t", "-1");
        s.method(GradientProfile.class, () -> new GradientProfile(new double[] {0, -1}), "norm", 2)
                .bad("t", 5, "t", "was 5");
        s.constructor(GradientProfile.class, (Object) new double[] {0, Double.NEGATIVE_INFINITY})
                .bad("logNorms", new double[0], "logNorms", "empty")
                .bad("logNorms", new double[] {0, NAN}, "logNorms[1]", "NaN")
                .bad("logNorms", new double[] {INF}, "logNorms[0]", "Infinity");
    }

    /** Every engine's compute refuses the same inconsistencies between model, sequence and initial state. */
    private static void engines(BadInputSweep s) {
        List<Supplier<? extends GradientEngine>> engines = List.of(FullBptt::new,
                () -> new TruncatedBptt(2, 3, TruncatedBptt.Mode.STATEFUL), CheckpointedBptt::new, BatchedBptt::new);
        for (Supplier<? extends GradientEngine> engine : engines) {
            @SuppressWarnings("unchecked")
            Class<GradientEngine> type = (Class<GradientEngine>) engine.get().getClass();
            engineCases(s.method(type, engine, "compute(RnnModel,Sequence,DMatrixRMaj)", model(), sequence(), null)
                    .nullable("initialState"));
        }
        engineCases(s.method(GradientEngine.class, FullBptt::new, "compute(RnnModel,Sequence,DMatrixRMaj)", model(),
                sequence(), null).nullable("initialState"));
        s.method(GradientEngine.class, CheckpointedBptt::new, "compute(RnnModel,Sequence)", model(), sequence())
                .bad("sequence", sequence(I, O + 1), "sequence", "target size", "1", "was 2");
        s.method(GradientEngine.class, "perSequence", new FullBptt());
        s.method(AdjointProfiler.class, AdjointProfiler::new, "profile", model(), sequence(), null)
                .nullable("initialState").bad("sequence", sequence(I + 1, O), "sequence", "inputSize", "was 3")
                .bad("initialState", m(2 * H, 1), "initialState", H + "x1", (2 * H) + "x1")
                .refuses("the time-batched profiler, a NaN initial state", () -> AdjointProfiler.timeBatched()
                        .profile(model(), sequence(), withEntry(m(H, 1), NAN)), "initialState", "NaN");
        s.constructor(TruncatedBptt.class, 2, 3, TruncatedBptt.Mode.STATELESS).bad("k1", 0).bad("k2", -1);
        s.constructor(CheckpointedBptt.class, 3).bad("segmentLength", 0).bad("segmentLength", -3);
        s.method(CheckpointedBptt.class, CheckpointedBptt::new, "segmentLength", 10).bad("length", 0)
                .bad("length", Integer.MIN_VALUE);
        Sequence[] batch = {sequence(), sequence()};
        for (Supplier<BatchGradientEngine> engine : List.<Supplier<BatchGradientEngine>>of(BatchedBptt::new,
                () -> GradientEngine.perSequence(new TruncatedBptt(2, 2, TruncatedBptt.Mode.STATELESS)).batched())) {
            for (String method : List.of("compute", "parameterGradient")) {
                s.method(BatchGradientEngine.class, engine, method, model(), batch).bad("batch", new Sequence[0],
                                "batch", "empty", "length 0")
                        .bad("batch", new Sequence[] {sequence(), null}, "batch[1]", "null")
                        .bad("batch", new Sequence[] {sequence(), sequence(I, 2)}, "batch[1]", "target size", "was 2");
            }
        }
        s.method(BatchedBptt.class, BatchedBptt::new, "parameterGradient", model(), batch)
                .bad("batch", new Sequence[] {sequence(I + 1, O)}, "batch[0]", "inputSize");
        s.method(BatchedBptt.class, BatchedBptt::new, "compute(RnnModel,Sequence[])", model(), batch)
                .bad("batch", new Sequence[] {sequence(I + 1, O)}, "batch[0]", "inputSize");
        s.method(BatchedBptt.class, BatchedBptt::new, "compute(RnnModel,Sequence[],DMatrixRMaj)", model(), batch,
                        null).nullable("initialStates")
                .bad("initialStates", m(H, 3), "initialStates", H + "x2", H + "x3")
                .bad("initialStates", withEntry(m(H, 2), NAN), "initialStates", "NaN")
                .bad("batch", new Sequence[] {null}, "batch[0]", "null");
        s.method(ForwardPass.class, "run(RnnModel,Sequence,DMatrixRMaj)", model(), sequence(), null)
                .nullable("initialState").bad("initialState", withEntry(m(H, 1), INF), "initialState", "Infinity")
                .bad("sequence", sequence(I, 2), "sequence", "target size");
        s.method(ForwardPass.class, "run(RnnModel,Sequence)", bare(), sequence(I, H))
                .bad("sequence", sequence(I, O), "sequence", "outputSize 3", "was 1");
        s.method(ForwardPass.class, () -> ForwardPass.run(model(), sequence()), "output", T)
                .bad("t", 0, "t", "[1, 4]").bad("t", T + 1, "t", "was 5");
    }

    private static void engineCases(BadInputSweep.Call c) {
        c.bad("sequence", sequence(I + 1, O), "sequence", "inputSize", "2", "was 3")
                .bad("sequence", sequence(I, O + 2), "sequence", "target size", "was 3")
                .bad("initialState", m(H + 1, 1), "initialState", H + "x1", (H + 1) + "x1")
                .bad("initialState", m(1, H), "initialState", "1x" + H)
                .bad("initialState", withEntry(m(H, 1), NAN), "initialState", "NaN")
                .bad("model", bare(), "sequence", "outputSize 3", "was 1");
    }

    private static void results(BadInputSweep s) {
        Supplier<SequenceGradient> g = () -> new FullBptt().compute(model(), sequence());
        s.method(SequenceGradient.class, g, "inputGradient", 1).bad("t", 0, "t", "[1, 4]").bad("t", T + 1, "t", "was 5");
        Supplier<BatchGradient> b = () -> new BatchedBptt().compute(model(), new Sequence[] {sequence(), sequence()});
        for (String name : List.of("loss", "inputGradients", "initialStateGradient", "finalState", "profile")) {
            s.method(BatchGradient.class, b, name + "(int)", 0).bad("b", 2, "b", "[0, 1]", "was 2").bad("b", -1, "b", "-1");
        }
        s.method(BatchGradient.class, b, "inputGradient", 1, 1).bad("b", 2, "b", "[0, 1]").bad("t", 0, "t", "[1, 4]")
                .bad("t", T + 1, "t", "was 5");
    }

    private static void losses(BadInputSweep s) {
        for (Supplier<Loss> loss : List.<Supplier<Loss>>of(MeanSquaredError::new, SoftmaxCrossEntropy::new)) {
            @SuppressWarnings("unchecked")
            Class<Loss> type = (Class<Loss>) loss.get().getClass();
            for (Class<Loss> owner : List.of(type, Loss.class)) {
                s.method(owner, loss, "value", m(3, 1), m(3, 1))
                        .bad("output", m(3, 2), "output", "column vector", "3x2")
                        .bad("output", withEntry(m(3, 1), NAN), "output", "NaN")
                        .bad("target", m(2, 1), "target", "3x1", "2x1")
                        .bad("target", withEntry(m(3, 1), -INF), "target", "-Infinity");
                s.method(owner, loss, "gradient", m(3, 1), m(3, 1), m(3, 1))
                        .bad("output", new DMatrixRMaj(0, 1), "output", "0x1")
                        .bad("output", withEntry(m(3, 1), INF), "output", "Infinity")
                        .bad("target", m(4, 1), "target", "3x1", "4x1")
                        .bad("gradient", m(1, 3), "gradient", "3x1", "1x3");
            }
        }
        s.method(SoftmaxCrossEntropy.class, "argmax", m(3, 1)).bad("v", new DMatrixRMaj(0, 1), "v", "empty")
                .bad("v", withEntry(m(3, 1), NAN), "v", "NaN");
    }

    private static void clipping(BadInputSweep s) {
        for (String name : List.of("clipGlobalNorm", "clipPerParameter", "clipValues")) {
            s.method(GradientClipping.class, name, gradientsWith(model(), 1), 1.0).bad("theta", 0.0)
                    .bad("theta", -1.0).bad("theta", NAN).bad("theta", INF)
                    .fails(NonFiniteGradientException.class, "gradient", gradientsWith(model(), NAN), "gradient",
                            "NaN")
                    .fails(NonFiniteGradientException.class, "gradient", gradientsWith(model(), INF), "gradient",
                            "Infinity");
        }
        for (String name : List.of("globalNorm", "perParameter", "value")) {
            s.method(GradientClipper.class, name + "(double)", 1.0).bad("theta", 0.0).bad("theta", NAN)
                    .bad("theta", -INF);
            s.method(GradientClipper.class, name + "(double,NonFinitePolicy)", 1.0, NonFinitePolicy.SKIP)
                    .bad("theta", -0.5).bad("theta", INF);
        }
        s.method(GradientClipper.class, "none", NonFinitePolicy.ZERO);
        s.method(GradientClipper.class, () -> GradientClipper.globalNorm(1, NonFinitePolicy.PASCANU_RESCUE), "apply",
                        gradientsWith(model(), 1), model().parameters())
                .nullable("parameters")
                .refuses("a rescue without parameters", () -> GradientClipper.globalNorm(1, NonFinitePolicy.PASCANU_RESCUE)
                        .apply(gradientsWith(model(), NAN), null), "parameters", "null")
                .refuses("a rescue with parameters of another model", () -> GradientClipper.none(
                        NonFinitePolicy.PASCANU_RESCUE).apply(gradientsWith(model(), INF), bare().parameters()),
                        "parameters", "readout.weight")
                .refuses("a NaN gradient under THROW", NonFiniteGradientException.class,
                        () -> GradientClipper.value(1).apply(gradientsWith(model(), NAN), null), "gradient", "NaN");
        s.exempt("NonFinitePolicy.triggers(double)", "a test of any norm: NaN and ±∞ trigger every policy, by design");
        s.exempt("new NonFiniteGradientException(double)", "an exception records the norm it reports, any value");
        s.constructor(ClipOutcome.class, 1.0, 0.5, ClipAction.CLIPPED);
    }

    private static void optimisers(BadInputSweep s) {
        s.constructor(Adam.class, "(double)", 0.01).bad("learningRate", 0.0).bad("learningRate", NAN)
                .bad("learningRate", INF).bad("learningRate", -1e-3);
        s.constructor(Adam.class, "(double,double,double,double)", 0.01, 0.9, 0.999, 1e-8)
                .bad("beta1", 1.0, "beta1", "< 1", "was 1.0").bad("beta1", -0.1).bad("beta2", 1.5, "beta2", "< 1")
                .bad("beta2", NAN).bad("epsilon", 0.0).bad("epsilon", INF).bad("learningRate", 0.0);
        s.constructor(Sgd.class, 0.1, 0.9).bad("learningRate", 0.0).bad("learningRate", NAN)
                .bad("momentum", 1.0, "momentum", "< 1", "was 1.0").bad("momentum", -0.5).bad("momentum", NAN);
        for (Supplier<Optimiser> o : List.<Supplier<Optimiser>>of(() -> new Adam(0.01), () -> new Sgd(0.1, 0.5))) {
            @SuppressWarnings("unchecked")
            Class<Optimiser> type = (Class<Optimiser>) o.get().getClass();
            for (Class<Optimiser> owner : List.of(type, Optimiser.class)) {
                s.method(owner, o, "step", model().parameters(), gradientsWith(model(), 1))
                        .bad("gradient", bare().parameters(), "gradient", "readout.weight")
                        .bad("gradient", gradientsWith(model(), NAN), "gradient.readout.bias", "NaN")
                        .bad("gradient", gradientsWith(model(), -INF), "gradient.readout.bias", "-Infinity");
            }
        }
    }

    private static void tasks(BadInputSweep s) {
        s.constructor(CopyTask.class, 4, 3, 5).bad("symbols", 1, "symbols", ">= 2", "was 1").bad("copyLength", 0)
                .bad("delay", -1).bad("copyLength", 1 << 30, "copyLength", "largest array", "1073741824")
                .bad("delay", Integer.MAX_VALUE, "copyLength", "delay=2147483647")
                .bad("symbols", Integer.MAX_VALUE, "symbols", "2147483647");
        s.constructor(AgreementTask.class, 3, 2).bad("gap", -1).bad("distractors", 0)
                .bad("gap", Integer.MAX_VALUE, "gap", "2147483647")
                .bad("distractors", Integer.MAX_VALUE, "distractors", "2147483647");
        s.method(AddingProblem.class, "hochreiter", 100).bad("minLength", 9, "minLength", ">= 10", "was 9")
                .bad("minLength", Integer.MAX_VALUE, "minLength", "largest array", "2147483647");
        s.method(AddingProblem.class, "sumForm", 100).bad("length", 1, "length", ">= 2", "was 1")
                .bad("length", Integer.MIN_VALUE, "length", "-2147483648");
        s.exempt("AddingProblem.isCorrect(double,double)",
                "a comparison of two numbers: NaN is never within the tolerance, so it is judged wrong, as it is");
        List<Supplier<Task>> all = List.of(() -> AddingProblem.sumForm(10), () -> AddingProblem.hochreiter(20),
                () -> new CopyTask(3, 2, 2), () -> new AgreementTask(2, 2));
        for (Supplier<Task> task : all) {
            @SuppressWarnings("unchecked")
            Class<Task> type = (Class<Task>) task.get().getClass();
            s.method(type, task, "sample", RandomSource.seeded(1));
        }
        s.method(Task.class, all.get(0), "sample", RandomSource.seeded(1));
        s.method(Task.class, all.get(2), "batch", 3, RandomSource.seeded(1)).bad("n", 0).bad("n", -1);
    }

    private static void training(BadInputSweep s) {
        TrainingConfig config = new TrainingConfig(2, 2, 1, new FullBptt(), new Sgd(0.01, 0), GradientClipper.globalNorm(1));
        Supplier<RnnModel> adding = () -> new RnnModel(new GruCell(2, H), new Readout(H, 1), new MeanSquaredError());
        s.method(Trainer.class, "train", adding.get(), AddingProblem.sumForm(6), config, ProgressListener.none())
                .refuses("a task whose inputs do not fit the model", TrainingFailedException.class,
                        () -> Trainer.train(adding.get(), new CopyTask(3, 2, 2), config, ProgressListener.none()),
                        "training step 1 failed after 0 completed steps", "batch[0] inputSize")
                .refuses("a gradient that is NaN under THROW", TrainingFailedException.class, () -> {
                    RnnModel m = adding.get();
                    TrainingConfig nan = config.withTerm(new LossTerm() {
                        @Override
                        public String name() {
                            return "nan";
                        }

                        @Override
                        public double accumulate(RnnModel model, Sequence[] batch, long step, ModelGradients gradients) {
                            gradients.readoutBias().set(0, 0, NAN);
                            return 0;
                        }
                    });
                    Trainer.train(m, AddingProblem.sumForm(6), nan, ProgressListener.none());
                }, "training step 1 failed", "gradient norm must be finite");
        s.constructor(TrainingConfig.class, "(long,int,long,GradientEngine,Optimiser,GradientClipper)", 10L, 4, 1L,
                        new FullBptt(), new Adam(0.01), GradientClipper.value(1))
                .bad("steps", 0L, "steps", ">= 1", "was 0").bad("steps", Long.MIN_VALUE, "steps", "-9223372036854775808")
                .bad("batchSize", 0);
        s.constructor(TrainingConfig.class, "(long,int,long,GradientEngine,Optimiser,GradientClipper,List)", 10L, 4, 1L,
                        new FullBptt(), new Adam(0.01), GradientClipper.value(1), List.of())
                .bad("terms", java.util.Arrays.asList((LossTerm) null), "terms[0]", "null")
                .bad("batchSize", -4);
        s.method(TrainingConfig.class, () -> config, "withTerm", floss());
        s.constructor(TrainingProgress.class, "(long,double,double,ClipAction,long)", 1L, 0.5, 2.0, ClipAction.NONE, 0L);
        s.constructor(TrainingProgress.class, "(long,double,double,ClipAction,long,double)", 1L, NAN, INF,
                ClipAction.SKIPPED, 1L, 0.0);
        s.constructor(TrainingResult.class, 1L, false, List.of())
                .bad("history", java.util.Arrays.asList((TrainingProgress) null), "history[0]", "null");
        Sequence[] test = {sequence(), sequence()};
        for (String name : List.of("meanLossPerTarget", "accuracy")) {
            s.method(Evaluation.class, name, model(), test).bad("sequences", new Sequence[0], "sequences", "empty")
                    .bad("sequences", new Sequence[] {sequence(), null}, "sequences[1]", "null")
                    .bad("sequences", new Sequence[] {sequence(I + 1, O)}, "sequence", "inputSize");
        }
        s.method(Evaluation.class, "fractionWithin", model(), test, 0.04).bad("tolerance", 0.0)
                .bad("tolerance", NAN).bad("tolerance", INF).bad("sequences", new Sequence[0], "sequences", "empty");
        s.exempt("ProgressListener.onStep(TrainingProgress)",
                "a callback the trainer calls with its own reports; implementations are the caller's");
        s.exempt("LossTerm.accumulate(RnnModel,Sequence[],long,ModelGradients)",
                "an extension point the trainer calls with checked arguments; implementations are the caller's");
    }

    private static LossTerm floss() {
        return new LossTerm() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public double accumulate(RnnModel model, Sequence[] batch, long step, ModelGradients gradients) {
                return 0;
            }
        };
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
