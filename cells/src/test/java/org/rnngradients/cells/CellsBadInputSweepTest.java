package org.rnngradients.cells;

import static org.rnngradients.testing.BadInputSweep.fromReceiver;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.testing.BadInputSweep;

/**
 * The bad-input sweep of cells (see {@link BadInputSweep}): every public constructor and method of the cells, their
 * parameters, passes and unrolls, with nulls, wrong shapes, sizes ≤ 0 and sizes that overflow, NaN/Inf in states,
 * inputs and parameters, foreign or empty caches, and an overflowing step (the typed
 * {@link NonFiniteActivationException}); and the check that no public member is left out.
 */
class CellsBadInputSweepTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int I = 2;
    private static final int H = 3;
    private static final int B = 2;

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

    /** The three cell classes, with seeded parameters. */
    private static List<Supplier<RecurrentCell>> cells() {
        return List.of(() -> seeded(new VanillaRnnCell(I, H, Activation.TANH)), () -> seeded(new GruCell(I, H)),
                () -> seeded(new LstmCell(I, H)));
    }

    private static <C extends RecurrentCell> C seeded(C cell) {
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(3));
        return cell;
    }

    /** A cache of the case's cell, filled by one forward step. */
    private static final Object FILLED = fromReceiver(StepCache.class, (RecurrentCell c) -> filled(c));
    /** A new cache of the case's cell. */
    private static final Object EMPTY = fromReceiver(StepCache.class, RecurrentCell::newCache);
    /** A cache of the case's pass, filled by one forward step of every column. */
    private static final Object PASS_FILLED = fromReceiver(BatchCache.class, (CellPass p) -> {
        BatchCache c = p.newCache();
        p.forward(m(p.cell().stateSize(), B), m(I, B), c, null);
        return c;
    });
    /** A new cache of the case's pass. */
    private static final Object PASS_EMPTY = fromReceiver(BatchCache.class, CellPass::newCache);

    /** A cache of {@code cell} filled by one forward step. */
    private static StepCache filled(RecurrentCell cell) {
        StepCache c = cell.newCache();
        cell.forward(m(cell.stateSize(), 1), m(I, 1), c, null);
        return c;
    }

    /** A pass with one forward step done, and its cache. */
    private record Stepped(CellPass pass, BatchCache cache) {
        static Stepped of(RecurrentCell cell) {
            CellPass p = cell.newPass(B);
            BatchCache c = p.newCache();
            p.forward(m(cell.stateSize(), B), m(I, B), c, null);
            return new Stepped(p, c);
        }
    }

    static BadInputSweep sweep() {
        BadInputSweep s = new BadInputSweep("org.rnngradients.cells");
        constructors(s);
        for (Supplier<RecurrentCell> cell : cells()) {
            stepMembers(s, cell);
        }
        recurrentCellInterface(s);
        cellSpecific(s);
        parameters(s);
        passes(s);
        unroll(s);
        initialisation(s);
        s.exempt("Activation.apply(double)", "φ(z) is defined on every double; NaN and ±∞ follow IEEE as in Math.tanh");
        s.exempt("Activation.derivative(double,double)", "φ′ from z and φ(z), defined on every pair of doubles");
        s.exempt("Activation.sigmoid(double)", "the logistic function, defined on every double (±∞ give 1 and 0)");
        s.exempt("new NonFiniteActivationException(int,int,double)",
                "an exception records what overflowed: every row, column and value is a legal record");
        s.method(CellKind.class, "fromCliName", "gru").bad("name", "GRU", "name", "rnn-tanh", "was GRU")
                .bad("name", "lstm ", "name", "was lstm ");
        s.method(CellKind.class, () -> CellKind.LSTM, "create", I, H).bad("inputSize", 0).bad("hiddenSize", -1)
                .bad("hiddenSize", 1 << 30, "hiddenSize", "largest array");
        return s;
    }

    private static void constructors(BadInputSweep s) {
        s.constructor(VanillaRnnCell.class, I, H, Activation.RELU).bad("inputSize", 0).bad("hiddenSize", 0)
                .bad("hiddenSize", -3).bad("hiddenSize", 50_000, "hiddenSize", "50000", "largest array")
                .bad("inputSize", Integer.MAX_VALUE, "inputSize", "2147483647", "largest array");
        s.constructor(GruCell.class, I, H).bad("inputSize", -1).bad("hiddenSize", 0)
                .bad("hiddenSize", 1 << 30, "hiddenSize", "1073741824", "largest array");
        s.constructor(LstmCell.class, I, H).bad("inputSize", 0).bad("hiddenSize", Integer.MIN_VALUE)
                .bad("hiddenSize", 1 << 29, "hiddenSize", "536870912", "largest array");
    }

    /** The members every cell class exposes (through its package-private base). */
    private static void stepMembers(BadInputSweep s, Supplier<RecurrentCell> make) {
        RecurrentCell probe = make.get();
        @SuppressWarnings("unchecked")
        Class<RecurrentCell> type = (Class<RecurrentCell>) probe.getClass();
        int n = probe.stateSize();
        s.method(type, make, "forward", m(n, 1), m(I, 1), EMPTY, m(n, 1)).nullable("state")
                .bad("previous", m(n + 1, 1), "previous", n + "x1", (n + 1) + "x1")
                .bad("previous", m(1, n), "previous", "1x" + n).bad("previous", withEntry(m(n, 1), NAN))
                .bad("input", m(I, 2), "input", "2x2").bad("input", withEntry(m(I, 1), -INF))
                .bad("state", m(n, 2), "state", n + "x2")
                .bad("cache", make.get().newCache(), "cache", "this cell's newCache()")
                .refuses("a cache of another cell class", () -> {
                    RecurrentCell c = make.get();
                    c.forward(m(n, 1), m(I, 1), new VanillaRnnCell(9, 9, Activation.TANH).newCache(), null);
                }, "cache", "newCache()")
                .refuses("a NaN weight", () -> {
                    RecurrentCell c = make.get();
                    c.parameters().weightHh().set(1, 2, NAN);
                    c.forward(m(n, 1), m(I, 1), c.newCache(), null);
                }, "parameters.weight_hh", "entry (1, 2)", "NaN")
                .refuses("an infinite bias", () -> {
                    RecurrentCell c = make.get();
                    c.parameters().biasIh().set(0, 0, INF);
                    c.forward(m(n, 1), m(I, 1), c.newCache(), null);
                }, "parameters.bias_ih", "Infinity")
                .refuses("a reshaped weight", () -> {
                    RecurrentCell c = make.get();
                    c.parameters().weightIh().reshape(1, 1);
                    c.forward(m(n, 1), m(I, 1), c.newCache(), null);
                }, "parameters.weight_ih", "1x1")
                .refuses("a pre-activation that overflows", NonFiniteActivationException.class, () -> {
                    RecurrentCell c = make.get();
                    c.parameters().weightIh().fill(Double.MAX_VALUE);
                    DMatrixRMaj x = new DMatrixRMaj(I, 1);
                    x.fill(1e10);
                    c.forward(new DMatrixRMaj(n, 1), x, c.newCache(), null);
                }, "pre-activations", "overflowed");
        s.method(type, make, "stateJacobian", FILLED, m(n, n)).nullable("out")
                .bad("cache", make.get().newCache(), "cache", "this cell's")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = make.get();
                    c.stateJacobian(c.newCache(), null);
                }, "cache", "filled by forward")
                .refuses("an output of the wrong shape", () -> {
                    RecurrentCell c = make.get();
                    c.stateJacobian(filled(c), m(n, n + 1));
                }, "out", n + "x" + n, n + "x" + (n + 1));
        s.method(type, make, "inputJacobian", FILLED, m(n, I)).nullable("out")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = make.get();
                    c.inputJacobian(c.newCache(), null);
                }, "cache", "filled by forward")
                .refuses("an output of the wrong shape", () -> {
                    RecurrentCell c = make.get();
                    c.inputJacobian(filled(c), m(I, n));
                }, "out", n + "x" + I, I + "x" + n);
        CellParameters grads = CellParameters.of(kindOf(probe), I, H);
        s.method(type, make, "backward", FILLED, m(n, 1), m(n, 1), m(I, 1), grads)
                .nullable("previousAdjoint", "inputAdjoint")
                .refuses("a null cache", () -> make.get().backward(null, m(n, 1), null, null, grads), "cache", "null")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = make.get();
                    c.backward(c.newCache(), m(n, 1), null, null, grads);
                }, "cache", "filled by forward")
                .refuses("an adjoint of the wrong shape", () -> {
                    RecurrentCell c = make.get();
                    c.backward(filled(c), m(n + 1, 1), null, null, grads);
                }, "adjoint", (n + 1) + "x1")
                .refuses("a null adjoint", () -> {
                    RecurrentCell c = make.get();
                    c.backward(filled(c), null, null, null, grads);
                }, "adjoint", "null")
                .refuses("an input adjoint of the wrong shape", () -> {
                    RecurrentCell c = make.get();
                    c.backward(filled(c), m(n, 1), null, m(I + 1, 1), grads);
                }, "inputAdjoint", (I + 1) + "x1")
                .refuses("gradients of another layout", () -> {
                    RecurrentCell c = make.get();
                    c.backward(filled(c), m(n, 1), null, null, CellParameters.of(kindOf(c), I, H + 1));
                }, "gradients.weight_ih", "x" + I)
                .refuses("null gradients", () -> {
                    RecurrentCell c = make.get();
                    c.backward(filled(c), m(n, 1), null, null, null);
                }, "gradients", "null");
        s.method(type, make, "backwardState", FILLED, m(n, 1), m(n, 1)).nullable("previousAdjoint")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = make.get();
                    c.backwardState(c.newCache(), m(n, 1), null);
                }, "cache", "filled by forward")
                .refuses("a null adjoint", () -> {
                    RecurrentCell c = make.get();
                    c.backwardState(filled(c), null, null);
                }, "adjoint", "null")
                .refuses("an output of the wrong shape", () -> {
                    RecurrentCell c = make.get();
                    c.backwardState(filled(c), m(n, 1), m(n, 2));
                }, "previousAdjoint", n + "x2");
        s.method(type, make, "setParameters", CellParameters.of(kindOf(probe), I, H))
                .bad("source", CellParameters.of(kindOf(probe), I + 1, H), "source.weight_ih", "x" + (I + 1))
                .bad("source", withNaN(CellParameters.of(kindOf(probe), I, H)), "source.bias_hh", "NaN");
        s.method(type, make, "newPass", B).bad("batchSize", 0).bad("batchSize", -1)
                .bad("batchSize", Integer.MAX_VALUE, "batchSize", "2147483647", "entries")
                .refuses("a NaN weight", () -> {
                    RecurrentCell c = make.get();
                    c.parameters().weightHh().set(0, 0, NAN);
                    c.newPass(B);
                }, "parameters.weight_hh", "entry (0, 0)");
    }

    private static CellParameters withNaN(CellParameters p) {
        p.biasHh().set(0, 0, NAN);
        return p;
    }

    private static CellKind kindOf(RecurrentCell cell) {
        return cell instanceof LstmCell ? CellKind.LSTM : cell instanceof GruCell ? CellKind.GRU : CellKind.RNN_TANH;
    }

    /** The interface's own members, called on each kind of cell. */
    private static void recurrentCellInterface(BadInputSweep s) {
        Supplier<RecurrentCell> lstm = cells().get(2);
        int n = 2 * H;
        s.method(RecurrentCell.class, lstm, "forward", m(n, 1), m(I, 1), EMPTY, null).nullable("state")
                .bad("previous", m(H, 1), "previous", n + "x1", H + "x1");
        s.method(RecurrentCell.class, lstm, "stateJacobian", FILLED, null).nullable("out")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = lstm.get();
                    c.stateJacobian(c.newCache(), null);
                }, "cache", "filled");
        s.method(RecurrentCell.class, lstm, "inputJacobian", FILLED, null).nullable("out")
                .refuses("an out of the h-only shape", () -> {
                    RecurrentCell c = lstm.get();
                    c.inputJacobian(filled(c), m(H, I));
                }, "out", n + "x" + I);
        s.method(RecurrentCell.class, lstm, "backward", FILLED, m(n, 1), null, null,
                        CellParameters.lstm(I, H)).nullable("previousAdjoint", "inputAdjoint")
                .refuses("an input adjoint that is the previous adjoint", () -> {
                    VanillaRnnCell c = seeded(new VanillaRnnCell(H, H, Activation.TANH));
                    StepCache k = c.newCache();
                    c.forward(m(H, 1), m(H, 1), k, null);
                    DMatrixRMaj same = m(H, 1);
                    c.backward(k, m(H, 1), same, same, CellParameters.vanilla(H, H));
                }, "inputAdjoint", "same object");
        s.method(RecurrentCell.class, lstm, "backwardState", FILLED, m(n, 1), null)
                .nullable("previousAdjoint")
                .refuses("an empty cache", () -> {
                    RecurrentCell c = lstm.get();
                    c.backwardState(c.newCache(), m(n, 1), null);
                }, "cache", "filled");
        s.method(RecurrentCell.class, lstm, "setParameters", CellParameters.lstm(I, H))
                .bad("source", CellParameters.gru(I, H), "source.weight_ih", "12x2", "9x2");
        s.method(RecurrentCell.class, lstm, "newPass", B).bad("batchSize", 0);
        s.method(RecurrentCell.class, lstm, "hidden", m(n, 1), m(H, 1)).nullable("hidden")
                .bad("state", m(H, 1), "state", n + "x1", H + "x1").bad("hidden", m(n, 1), "hidden", H + "x1");
    }

    private static void cellSpecific(BadInputSweep s) {
        Supplier<LstmCell> lstm = () -> seeded(new LstmCell(I, H));
        s.method(LstmCell.class, lstm, "setForgetGateBias", 1.0).bad("bias", NAN).bad("bias", INF);
        for (String name : List.of("forgetGate", "hiddenJacobian", "cellStateJacobian")) {
            int cols = name.equals("forgetGate") ? 1 : H;
            s.method(LstmCell.class, lstm, name, FILLED, null).nullable("out")
                    .refuses("an empty cache", () -> {
                        LstmCell c = lstm.get();
                        call(c, name, c.newCache(), null);
                    }, "cache", "filled by forward")
                    .refuses("an output of the wrong shape", () -> {
                        LstmCell c = lstm.get();
                        call(c, name, filled(c), m(H + 1, cols));
                    }, "out", (H + 1) + "x" + cols);
        }
        Supplier<GruCell> gru = () -> seeded(new GruCell(I, H));
        s.method(GruCell.class, gru, "updateGate", FILLED, null).nullable("out")
                .refuses("a cache of an LSTM", () -> gru.get().updateGate(new LstmCell(I, H).newCache(), null),
                        "cache", "this cell's")
                .refuses("an output of the wrong shape", () -> {
                    GruCell c = gru.get();
                    c.updateGate(filled(c), m(1, H));
                }, "out", H + "x1", "1x" + H);
        Supplier<VanillaRnnCell> rnn = () -> seeded(new VanillaRnnCell(I, H, Activation.SIGMOID));
        for (String name : List.of("preActivation", "activationDerivative")) {
            s.method(VanillaRnnCell.class, rnn, name, FILLED, null).nullable("out")
                    .refuses("an empty cache", () -> {
                        VanillaRnnCell c = rnn.get();
                        call(c, name, c.newCache(), null);
                    }, "cache", "filled by forward")
                    .refuses("an output of the wrong shape", () -> {
                        VanillaRnnCell c = rnn.get();
                        call(c, name, filled(c), m(H, 2));
                    }, "out", H + "x1", H + "x2");
        }
    }

    private static void call(RecurrentCell c, String name, StepCache cache, DMatrixRMaj out) {
        switch (name) {
            case "forgetGate" -> ((LstmCell) c).forgetGate(cache, out);
            case "hiddenJacobian" -> ((LstmCell) c).hiddenJacobian(cache, out);
            case "cellStateJacobian" -> ((LstmCell) c).cellStateJacobian(cache, out);
            case "preActivation" -> ((VanillaRnnCell) c).preActivation(cache, out);
            case "activationDerivative" -> ((VanillaRnnCell) c).activationDerivative(cache, out);
            default -> throw new AssertionError(name);
        }
    }

    private static void parameters(BadInputSweep s) {
        for (String name : List.of("vanilla", "gru", "lstm")) {
            s.method(CellParameters.class, name, I, H).bad("inputSize", 0).bad("hiddenSize", -2)
                    .bad("hiddenSize", 50_000, "hiddenSize", "largest array")
                    .bad("inputSize", 1 << 30, "inputSize", "1073741824", "largest array");
        }
        s.method(CellParameters.class, "of", CellKind.GRU, I, H).bad("inputSize", -1).bad("hiddenSize", 0)
                .bad("hiddenSize", 1 << 30, "hiddenSize", "largest array");
        Supplier<CellParameters> p = () -> CellParameters.gru(I, H);
        s.method(NamedMatrices.class, p, "get", CellParameters.WEIGHT_HH)
                .bad("name", "weight_hh_l0", "name", "[weight_ih, weight_hh, bias_ih, bias_hh]", "was weight_hh_l0");
        s.exempt("NamedMatrices.contains(String)", "a query: a name that is not there (null included) answers false");
        s.method(NamedMatrices.class, p, "setTo", CellParameters.gru(I, H))
                .bad("other", CellParameters.lstm(I, H), "other.weight_ih", "9x2", "12x2")
                .bad("other", CellParameters.gru(I + 1, H), "other.weight_ih", "9x3");
        s.method(NamedMatrices.class, p, "scale", 0.5).bad("alpha", NAN).bad("alpha", INF).bad("alpha", -INF);
        s.method(NamedMatrices.class, p, "addScaled", 0.5, CellParameters.gru(I, H)).bad("alpha", NAN)
                .bad("alpha", -INF).bad("other", CellParameters.vanilla(I, H), "other.weight_ih", "9x2", "3x2");
        s.method(NamedMatrices.class, p, "dot", CellParameters.gru(I, H))
                .bad("other", CellParameters.gru(I, H + 1), "other.weight_ih", "9x2", "12x2");
        s.method(NamedMatrices.class, "norm", m(2, 2));
        s.method(NamedMatrices.class, p, "requireFinite", "grads").nullable("name")
                .refuses("a NaN entry", () -> withNaN(CellParameters.gru(I, H)).requireFinite("grads"),
                        "grads.bias_hh", "NaN");
        s.method(NamedMatrices.class, p, "requireSameShapes", CellParameters.gru(I, H), "other").nullable("name")
                .bad("other", CellParameters.lstm(I, H), "other.weight_ih", "9x2", "12x2")
                .refuses("a null other, named", () -> CellParameters.gru(I, H).requireSameShapes(null, "theirs"),
                        "theirs", "null");
    }

    private static void passes(BadInputSweep s) {
        for (Supplier<RecurrentCell> make : cells()) {
            RecurrentCell probe = make.get();
            int n = probe.stateSize();
            Supplier<CellPass> pass = () -> make.get().newPass(B);
            s.method(CellPass.class, pass, "forward(DMatrixRMaj,DMatrixRMaj,BatchCache,DMatrixRMaj)", m(n, B), m(I, B),
                            PASS_EMPTY, null).nullable("state")
                    .bad("previous", m(n, B + 1), "previous", n + "x" + B, n + "x" + (B + 1))
                    .bad("previous", withEntry(m(n, B), NAN)).bad("inputs", m(I + 1, B), "inputs", (I + 1) + "x" + B)
                    .bad("inputs", withEntry(m(I, B), INF)).bad("state", m(n, 1), "state", n + "x1")
                    .bad("cache", pass.get().newCache(), "cache", "this pass's newCache()")
                    .refuses("a pre-activation that overflows", NonFiniteActivationException.class, () -> {
                        RecurrentCell c = make.get();
                        c.parameters().weightIh().fill(Double.MAX_VALUE);
                        CellPass q = c.newPass(B);
                        DMatrixRMaj x = new DMatrixRMaj(I, B);
                        x.fill(1e10);
                        q.forward(new DMatrixRMaj(n, B), x, q.newCache(), null);
                    }, "pre-activations", "column");
            s.method(CellPass.class, pass, "forward(DMatrixRMaj,DMatrixRMaj,boolean[],BatchCache,DMatrixRMaj)", m(n, B),
                            m(I, B), new boolean[B], PASS_EMPTY, null).nullable("active", "state")
                    .bad("active", new boolean[B + 1], "active", "length " + B, "was " + (B + 1));
            s.method(CellPass.class, pass, "backward", PASS_FILLED, m(n, B), null, null,
                            CellParameters.of(kindOf(probe), I, H)).nullable("previousAdjoint", "inputAdjoint")
                    .refuses("an empty cache", () -> {
                        CellPass q = pass.get();
                        q.backward(q.newCache(), m(n, B), null, null, CellParameters.of(kindOf(probe), I, H));
                    }, "cache", "filled by forward")
                    .refuses("an adjoint of the wrong shape", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().backward(st.cache(), m(n, 1), null, null, CellParameters.of(kindOf(probe), I, H));
                    }, "adjoint", n + "x" + B, n + "x1")
                    .refuses("the previous adjoint is the adjoint", () -> {
                        Stepped st = Stepped.of(make.get());
                        DMatrixRMaj a = m(n, B);
                        st.pass().backward(st.cache(), a, a, null, CellParameters.of(kindOf(probe), I, H));
                    }, "previousAdjoint", "same object")
                    .refuses("an input adjoint of the wrong shape", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().backward(st.cache(), m(n, B), null, m(I, 1), CellParameters.of(kindOf(probe), I, H));
                    }, "inputAdjoint", I + "x" + B, I + "x1")
                    .refuses("gradients of another shape", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().backward(st.cache(), m(n, B), null, null, CellParameters.of(kindOf(probe), I, H + 1));
                    }, "gradients.weight_ih")
                    .refuses("a cache of another pass", () -> {
                        Stepped st = Stepped.of(make.get());
                        Stepped other = Stepped.of(make.get());
                        st.pass().backward(other.cache(), m(n, B), null, null, CellParameters.of(kindOf(probe), I, H));
                    }, "cache", "this pass's");
            s.method(CellPass.class, pass, "backwardState", PASS_FILLED, m(n, B), null)
                    .nullable("previousAdjoint")
                    .refuses("an empty cache", () -> {
                        CellPass q = pass.get();
                        q.backwardState(q.newCache(), m(n, B), null);
                    }, "cache", "filled by forward")
                    .refuses("a null adjoint", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().backwardState(st.cache(), null, null);
                    }, "adjoint", "null")
                    .refuses("an output of the wrong shape", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().backwardState(st.cache(), m(n, B), m(n + 1, B));
                    }, "previousAdjoint", (n + 1) + "x" + B);
            s.method(CellPass.class, pass, "stateJacobianTimes", PASS_FILLED, 0, m(n, 2), null)
                    .nullable("image")
                    .refuses("an empty cache", () -> {
                        CellPass q = pass.get();
                        q.stateJacobianTimes(q.newCache(), 0, m(n, 2), null);
                    }, "cache", "filled by forward")
                    .refuses("a column out of range", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().stateJacobianTimes(st.cache(), B, m(n, 2), null);
                    }, "column", "[0, " + (B - 1) + "]", "was " + B)
                    .refuses("a negative column", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().stateJacobianTimes(st.cache(), -1, m(n, 2), null);
                    }, "column", "-1")
                    .refuses("a frame of the wrong height", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().stateJacobianTimes(st.cache(), 0, m(n + 1, 2), null);
                    }, "frame", n + " rows", (n + 1) + "x2")
                    .refuses("an empty frame", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().stateJacobianTimes(st.cache(), 0, new DMatrixRMaj(n, 0), null);
                    }, "frame", "empty")
                    .refuses("an image of the wrong shape", () -> {
                        Stepped st = Stepped.of(make.get());
                        st.pass().stateJacobianTimes(st.cache(), 0, m(n, 2), m(n, 3));
                    }, "image", n + "x2", n + "x3")
                    .refuses("the image is the frame", () -> {
                        Stepped st = Stepped.of(make.get());
                        DMatrixRMaj f = m(n, 2);
                        st.pass().stateJacobianTimes(st.cache(), 0, f, f);
                    }, "image", "same object");
        }
    }

    private static void unroll(BadInputSweep s) {
        Supplier<RecurrentCell> gru = cells().get(1);
        s.constructor(Unroll.class, gru.get().newPass(B));
        Supplier<Unroll> fresh = () -> new Unroll(gru.get().newPass(B));
        Supplier<Unroll> begun = () -> {
            Unroll u = new Unroll(gru.get().newPass(B));
            u.begin(new int[] {3, 2});
            return u;
        };
        s.method(Unroll.class, fresh, "begin", (Object) new int[] {3, 2})
                .bad("lengths", new int[] {3}, "lengths", "length " + B, "was 1")
                .bad("lengths", new int[] {3, 0}, "lengths[1]", ">= 1", "was 0")
                .bad("lengths", new int[] {-1, 2}, "lengths[0]", "-1")
                .bad("lengths", new int[] {Integer.MAX_VALUE, 1}, "lengths", "largest array", "T = 2147483647");
        s.method(Unroll.class, begun, "input", 1, 0, m(I, 1))
                .bad("t", 0, "t", "[1, 3]", "was 0").bad("t", 4, "t", "[1, 3]", "was 4")
                .bad("column", B, "column", "[0, 1]", "was 2").bad("column", -1, "column", "-1")
                .bad("x", m(I + 1, 1), "x", (I + 1) + "x1").bad("x", withEntry(m(I, 1), NAN))
                .refuses("a step past the column's length", () -> begun.get().input(3, 1, m(I, 1)), "t", "[1, 2]",
                        "was 3")
                .refuses("before begin", IllegalStateException.class, () -> fresh.get().input(1, 0, m(I, 1)), "begin")
                .refuses("after the first forward step", IllegalStateException.class, () -> {
                    Unroll u = begun.get();
                    u.forward(1, m(H, B), null);
                    u.input(2, 0, m(I, 1));
                }, "before the first forward step");
        s.method(Unroll.class, begun, "forward", 1, m(H, B), null).nullable("state")
                .bad("previous", m(H, 1), "previous", H + "x" + B, H + "x1")
                .bad("previous", withEntry(m(H, B), NAN)).bad("state", m(H + 1, B), "state", (H + 1) + "x" + B)
                .fails(IllegalStateException.class, "t", 2, "forward steps", "expected 1", "was 2")
                .fails(IllegalStateException.class, "t", 0, "forward steps", "was 0")
                .refuses("before begin", IllegalStateException.class, () -> fresh.get().forward(1, m(H, B), null),
                        "begin must be called first");
        s.method(Unroll.class, begun, "cache", 1)
                .fails(IllegalArgumentException.class, "t", 1, "t", "[1, 0]", "was 1")
                .refuses("a step after the last forward", () -> {
                    Unroll u = begun.get();
                    u.forward(1, m(H, B), null);
                    u.cache(2);
                }, "t", "[1, 1]", "was 2");
        s.method(Unroll.class, () -> forwardDone(begun.get()), "backward", 3, m(H, B), null).nullable("previousAdjoint")
                .refuses("before the forward steps", IllegalStateException.class,
                        () -> begun.get().backward(3, m(H, B), null), "after all forward steps", "expected 3")
                .refuses("out of order", IllegalStateException.class, () -> {
                    Unroll u = forwardDone(begun.get());
                    u.backward(2, m(H, B), null);
                }, "backward steps", "expected 3", "was 2")
                .refuses("an adjoint of the wrong shape", () -> forwardDone(begun.get()).backward(3, m(H, 1), null),
                        "adjoint", H + "x" + B, H + "x1")
                .refuses("a null adjoint", () -> forwardDone(begun.get()).backward(3, null, null), "adjoint", "null")
                .refuses("before begin", IllegalStateException.class, () -> fresh.get().backward(1, m(H, B), null),
                        "begin must be called first");
        s.method(Unroll.class, () -> backwardDone(begun.get()), "accumulateGradients", CellParameters.gru(I, H))
                .refuses("before the backward steps", IllegalStateException.class,
                        () -> forwardDone(begun.get()).accumulateGradients(CellParameters.gru(I, H)), "backward steps")
                .refuses("gradients of another layout", () -> backwardDone(begun.get())
                        .accumulateGradients(CellParameters.lstm(I, H)), "gradients.weight_ih", "9x2", "12x2")
                .refuses("null gradients", () -> backwardDone(begun.get()).accumulateGradients(null), "gradients",
                        "null")
                .refuses("before begin", IllegalStateException.class,
                        () -> fresh.get().accumulateGradients(CellParameters.gru(I, H)), "begin must be called first");
        s.method(Unroll.class, begun, "inputGradient", 1, 0, null).nullable("out")
                .refuses("a column out of range", () -> backwardDone(begun.get()).inputGradient(1, 2, null), "column",
                        "[0, 1]", "was 2")
                .refuses("a step out of range", () -> backwardDone(begun.get()).inputGradient(4, 0, null), "t",
                        "[1, 3]", "was 4")
                .refuses("an output of the wrong shape", () -> backwardDone(begun.get()).inputGradient(1, 0, m(1, I)),
                        "out", I + "x1", "1x" + I)
                .refuses("before the backward steps", IllegalStateException.class,
                        () -> begun.get().inputGradient(1, 0, null), "backward steps");
        s.method(Unroll.class, begun, "inputGradients", 0, null).nullable("out")
                .refuses("a column out of range", () -> backwardDone(begun.get()).inputGradients(-1, null), "column",
                        "-1")
                .refuses("an output of another column's length", () -> backwardDone(begun.get())
                        .inputGradients(1, m(I, 3)), "out", I + "x2", I + "x3")
                .refuses("before begin", IllegalStateException.class, () -> fresh.get().inputGradients(0, null),
                        "begin");
    }

    private static Unroll forwardDone(Unroll u) {
        DMatrixRMaj s = new DMatrixRMaj(H, B);
        for (int t = 1; t <= u.steps(); t++) {
            u.forward(t, s, s);
        }
        return u;
    }

    private static Unroll backwardDone(Unroll u) {
        forwardDone(u);
        DMatrixRMaj a = m(H, B);
        for (int t = u.steps(); t >= 1; t--) {
            a = u.backward(t, a, null);
        }
        return u;
    }

    private static void initialisation(BadInputSweep s) {
        s.method(Cells.class, "initialisePyTorchDefault", new GruCell(I, H), RandomSource.seeded(1));
        s.method(Cells.class, "initialise", new LstmCell(I, H), Initialiser.orthogonal(1), Initialiser.xavierUniform(1),
                        RandomSource.seeded(1))
                .refuses("an initialiser that writes NaN", () -> Cells.initialise(new GruCell(I, H),
                        (w, r) -> w.fill(NAN), Initialiser.zeros(), RandomSource.seeded(1)), "parameters.weight_hh", "NaN");
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
