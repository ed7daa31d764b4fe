package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;

/**
 * Full BPTT against central finite differences of the sequence loss, for every cell kind, both
 * losses, losses at every step or only the last, with and without a readout. Step h = 1e-5; the
 * relative error is judged absolutely below the floor 1e-3 (where the differences' rounding error,
 * about 1e-11·|L|/h, dominates).
 */
class FullBpttFiniteDifferenceTest {
    static final double H = 1e-5;
    static final double FLOOR = 1e-3;
    static final double TOLERANCE = 1e-7;
    static final int I = 3;
    static final int HIDDEN = 4;
    static final int O = 2;
    static final int T = 7;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            b.add(Arguments.of(kind, new MeanSquaredError(), true, true));
            b.add(Arguments.of(kind, new SoftmaxCrossEntropy(), false, true));
            b.add(Arguments.of(kind, new MeanSquaredError(), true, false));
        }
        return b.build();
    }

    private static RnnModel model(CellKind kind, Loss loss, boolean readout) {
        RnnModel m = Fixtures.model(kind, I, HIDDEN, O, loss, 11);
        return readout ? m : new RnnModel(m.cell(), loss);
    }

    private static Sequence sequence(RnnModel model, Loss loss, boolean every) {
        return Fixtures.sequence(T, I, model.outputSize(), every, loss instanceof SoftmaxCrossEntropy, 12);
    }

    @ParameterizedTest(name = "{0} {1} everyStep={2} readout={3}")
    @MethodSource("cases")
    void parameterGradientsEqualCentralDifferencesOfTheSequenceLoss(CellKind kind, Loss loss, boolean every, boolean readout) {
        RnnModel model = model(kind, loss, readout);
        Sequence seq = sequence(model, loss, every);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 13);
        ParameterSet analytic = new FullBptt().compute(model, seq, s0).gradients().all();
        double worst = 0;
        for (String name : model.parameters().names()) {
            DMatrixRMaj p = model.parameters().get(name);
            DMatrixRMaj numeric = FiniteDifferences.gradient(x -> ForwardPass.run(model, seq, s0).loss(), p, H,
                    new DMatrixRMaj(p.numRows, p.numCols));
            worst = Math.max(worst, FiniteDifferences.maxRelativeError(analytic.get(name), numeric, FLOOR));
        }
        System.out.printf("fd %s %s every=%s readout=%s worst=%.3e%n", kind, loss, every, readout, worst);
        assertTrue(worst <= TOLERANCE, kind + ": worst relative error " + worst);
    }

    @ParameterizedTest(name = "{0} {1} everyStep={2} readout={3}")
    @MethodSource("cases")
    void inputAndInitialStateGradientsEqualCentralDifferences(CellKind kind, Loss loss, boolean every, boolean readout) {
        RnnModel model = model(kind, loss, readout);
        Sequence seq = sequence(model, loss, every);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 13);
        SequenceGradient g = new FullBptt().compute(model, seq, s0);
        DMatrixRMaj numericS0 = FiniteDifferences.gradient(x -> ForwardPass.run(model, seq, x).loss(), s0, H,
                new DMatrixRMaj(s0.numRows, 1));
        double worst = FiniteDifferences.maxRelativeError(g.initialStateGradient(), numericS0, FLOOR);
        for (int t = 1; t <= T; t++) {
            DMatrixRMaj x = seq.input(t);
            DMatrixRMaj numeric = FiniteDifferences.gradient(v -> ForwardPass.run(model, seq, s0).loss(), x, H,
                    new DMatrixRMaj(x.numRows, 1));
            worst = Math.max(worst, FiniteDifferences.maxRelativeError(g.inputGradient(t), numeric, FLOOR));
        }
        System.out.printf("fd %s %s every=%s readout=%s worst=%.3e%n", kind, loss, every, readout, worst);
        assertTrue(worst <= TOLERANCE, kind + ": worst relative error " + worst);
    }
}
