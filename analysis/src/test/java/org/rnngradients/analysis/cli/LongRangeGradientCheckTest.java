package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.BatchGradient;
import org.rnngradients.bptt.ForwardPass;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * The gradient the {@code adding} command trains with is exact at T = 1000: on one sequence of Hochreiter and
 * Schmidhuber's form (length 1000 … 1100, the earliest marker among the first ten pairs), every parameter gradient
 * and the input gradient at the earliest marker agree with central differences of the forward loss. An LSTM with
 * H = 4 keeps the oracle cheap (133 parameters, two forward passes of about 1050 steps each).
 *
 * <p>Tolerances: parameters h = 1e-5, metric |a − b| / max(|a|, |b|, 1e-3), at most 1e-6. Truncation is O(h²) ≈ 1e-10
 * and rounding of the loss over ~1000 steps about 1e-16·√T·L / h ≈ 1e-10; the errors found are 2e-8 and below,
 * and the bptt module's short-sequence checks use 1e-7 with the same h and floor. The input gradient at the marker
 * is of order 1e-6, so its difference quotient loses more to rounding (ε·L / (h·|g|)): it uses h = 1e-4, where the
 * relative error found is below 1e-7 (it was 7e-7 at h = 1e-5), and the same bound 1e-6.
 */
class LongRangeGradientCheckTest {
    private static final int T = 1000;
    private static final double H_STEP = 1e-5;
    private static final double FLOOR = 1e-3;
    private static final double TOLERANCE = 1e-6;
    private static final double H_INPUT = 1e-4;

    private static RnnModel model(ExperimentModels.GateBiases biases, double forgetBias) {
        AddingProblem task = AddingProblem.hochreiter(T);
        RnnModel model = ExperimentModels.create(CellKind.LSTM, ExperimentModels.Init.pytorch, 1, 2, 4, 1, task.loss(),
                forgetBias, 0.5, 7);
        ExperimentModels.applyGateBiases(model.cell(), biases, 7);
        return model;
    }

    private static Sequence sequence() {
        return AddingProblem.hochreiter(T).sample(RandomSource.seeded(3));
    }

    private static BatchGradient gradient(RnnModel model, Sequence s) {
        List<Double> losses = new ArrayList<>();
        BatchGradient g = new RecordingEngine(losses::add).batched().compute(model, new Sequence[] {s});
        assertEquals(List.of(g.loss(0)), losses, "the engine reports the sequence's own loss");
        return g;
    }

    @Test
    void everyParameterGradientAtTEqualsOneThousandEqualsCentralDifferences() {
        for (RnnModel model : List.of(model(new ExperimentModels.GateBiases(Double.NaN, T), 1),
                model(ExperimentModels.GateBiases.NONE, 1))) {
            Sequence s = sequence();
            ParameterSet analytic = gradient(model, s).gradients().all();
            for (String name : model.parameters().names()) {
                DMatrixRMaj p = model.parameters().get(name);
                DMatrixRMaj numeric = FiniteDifferences.gradient(x -> ForwardPass.run(model, s).loss(), p, H_STEP,
                        new DMatrixRMaj(p.numRows, p.numCols));
                double e = FiniteDifferences.maxRelativeError(analytic.get(name), numeric, FLOOR);
                assertTrue(e <= TOLERANCE, name + ": max relative error " + e);
            }
        }
    }

    @Test
    void theInputGradientAtTheEarliestMarkerIsExactWhetherItIsLargeOrNumericallyZero() {
        Sequence s = sequence();
        int t = GradientSignal.earliestMarker(s);
        assertTrue(t <= 10 && s.length() >= T, "a long-lag marker");
        // chrono (memory times up to T, input gates nearly closed): a gradient of order 1e-6 reaches the marker
        RnnModel chrono = model(new ExperimentModels.GateBiases(Double.NaN, T), 1);
        double analytic = gradient(chrono, s).inputGradient(0, t).data[0];
        double numeric = centralDifferenceInValue(chrono, s, t);
        assertTrue(Math.abs(analytic) > 1e-7, "a gradient far above rounding: " + analytic);
        assertTrue(Math.abs(analytic - numeric) / Math.abs(analytic) <= TOLERANCE, analytic + " vs " + numeric);
        // forget bias 1 (memory time 1/(1 − σ(1)) ≈ 3.7 steps): the true gradient is below 1e-100, far below double
        // rounding of the loss, so the difference quotient is rounding noise and the engine's value is 0 or denormal-small
        RnnModel short1 = model(ExperimentModels.GateBiases.NONE, 1);
        double tiny = gradient(short1, s).inputGradient(0, t).data[0];
        double logAdjoint = AdjointProfiler.timeBatched().profile(short1, s, null).log10Norm(t);
        assertTrue(logAdjoint < -100, "log10 ‖∂L/∂h_t‖ at the marker: " + logAdjoint);
        assertTrue(Math.abs(tiny) < 1e-100, "the engine's input gradient " + tiny);
        assertTrue(Math.abs(centralDifferenceInValue(short1, s, t)) < 1e-9, "difference quotient: rounding only");
    }

    /** (L(x + h) − L(x − h)) / 2h in the value component of input t. */
    private static double centralDifferenceInValue(RnnModel model, Sequence s, int t) {
        double x = s.input(t).data[0];
        double plus = ForwardPass.run(model, GradientSignal.withValue(s, t, x + H_INPUT)).loss();
        double minus = ForwardPass.run(model, GradientSignal.withValue(s, t, x - H_INPUT)).loss();
        return (plus - minus) / (2 * H_INPUT);
    }
}
