package org.rnngradients.analysis.cli;

import java.util.List;
import java.util.function.DoubleSupplier;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.BatchedBptt;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.linalg.LogSpace;

/**
 * How much of the learning signal about the earliest marked value X (the longest lag of an adding-problem
 * sequence) is in the gradient, measured in double precision on a fixed batch:
 * <ul>
 * <li>the batch's mean gradient g, and g′ of the same batch with each sequence's earliest marked value replaced
 * by a fresh draw (target unchanged): ‖g − g′‖/‖g‖ is how much the gradient depends on X at all, and the
 * fraction of gradient entries that differ in any bit says whether the dependence survived rounding. If g′ = g
 * bit for bit, every optimiser that sees only gradients takes the same step whatever X was, so none can learn
 * to use it;</li>
 * <li>log₁₀(‖∂L/∂h_{t_X}‖/‖∂L/∂h_T‖), the adjoint at the marker relative to the adjoint at the loss, from the
 * log-space profiler: finite however small, and compared with the relative precision of float32 (2⁻²⁴) and
 * float64 (2⁻⁵³), below which a contribution of that size vanishes when added to the ones near the loss.</li>
 * </ul>
 * The adjoint profiles themselves (mean, min and max of log₁₀‖∂L/∂h_t‖ over the batch, by steps before the loss)
 * are written at initialisation and at the end.
 */
final class GradientSignal {
    static final List<String> HEADER = List.of("cell", "T", "step", "sequences", "log10_gradient_norm",
            "log10_gradient_change", "relative_change", "fraction_entries_changed", "mean_log10_adjoint_ratio_at_x",
            "min_log10_adjoint_ratio_at_x", "max_log10_adjoint_ratio_at_x");
    static final List<String> PROFILE_HEADER = List.of("cell", "T", "step", "steps_before_loss", "mean_log10_norm",
            "min_log10_norm", "max_log10_norm");

    private final String cellName;
    private final int length;
    private final Sequence[] batch;
    private final Sequence[] changed;
    private final int[] markerSteps;
    private final BatchedBptt engine = new BatchedBptt();
    private final CsvWriter out;
    private final CsvWriter profiles;

    /**
     * A measurement on {@code batch} (fixed for the run); {@code value} draws the replacement values (the task's
     * value distribution). Rows go to {@code out}, profiles to {@code profiles}.
     */
    GradientSignal(String cellName, int length, Sequence[] batch, DoubleSupplier value, CsvWriter out,
                   CsvWriter profiles) {
        this.cellName = cellName;
        this.length = length;
        this.batch = batch.clone();
        this.changed = new Sequence[batch.length];
        this.markerSteps = new int[batch.length];
        for (int b = 0; b < batch.length; b++) {
            markerSteps[b] = earliestMarker(batch[b]);
            changed[b] = withValue(batch[b], markerSteps[b], value.getAsDouble());
        }
        this.out = out;
        this.profiles = profiles;
    }

    /** The first step t whose marker (input component 2) is 1. */
    static int earliestMarker(Sequence s) {
        for (int t = 1; t <= s.length(); t++) {
            if (s.input(t).data[1] == 1) {
                return t;
            }
        }
        throw new IllegalArgumentException("sequence has no marked pair");
    }

    /** {@code s} with the value at step {@code t} replaced by {@code x}, the target unchanged. */
    static Sequence withValue(Sequence s, int t, double x) {
        DMatrixRMaj[] inputs = new DMatrixRMaj[s.length()];
        for (int k = 1; k <= s.length(); k++) {
            inputs[k - 1] = s.input(k);
        }
        inputs[t - 1] = s.input(t).copy();
        inputs[t - 1].data[0] = x;
        return Sequence.lastStep(inputs, s.target(s.length()).copy());
    }

    /** Records the measurement for the model as it is after {@code step} steps ({@code seen} sequences). */
    void record(RnnModel model, long step, long seen) {
        ParameterSet g = engine.compute(model, batch).gradients().all().copy();
        ParameterSet gChanged = engine.compute(model, changed).gradients().all();
        double norm = g.norm();
        long entries = 0;
        long differ = 0;
        for (int k = 0; k < g.tensors().size(); k++) {
            double[] a = g.tensors().get(k).data;
            double[] c = gChanged.tensors().get(k).data;
            for (int i = 0; i < g.tensors().get(k).getNumElements(); i++) {
                entries++;
                differ += Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(c[i]) ? 1 : 0;
            }
        }
        g.addScaled(-1, gChanged);
        double change = g.norm();
        double[] ratio = adjointRatios(model);
        out.row(cellName, length, step, seen, Math.log10(norm), Math.log10(change), change / norm,
                (double) differ / entries, mean(ratio), min(ratio), max(ratio));
    }

    /** log₁₀(‖δ_{t_X}‖/‖δ_T‖) per sequence. */
    private double[] adjointRatios(RnnModel model) {
        double[] r = new double[batch.length];
        AdjointProfiler profiler = AdjointProfiler.timeBatched();
        for (int b = 0; b < batch.length; b++) {
            GradientProfile p = profiler.profile(model, batch[b], null);
            r[b] = LogSpace.toLog10(p.logNorm(markerSteps[b]) - p.logNorm(p.length()));
        }
        return r;
    }

    /** Writes the adjoint profiles of the batch after {@code step} steps, aligned at the loss. */
    void profiles(RnnModel model, long step) {
        AdjointProfiler profiler = AdjointProfiler.timeBatched();
        double[][] log10 = new double[batch.length][];
        int shortest = Integer.MAX_VALUE;
        for (int b = 0; b < batch.length; b++) {
            log10[b] = profiler.profile(model, batch[b], null).log10Norms();
            shortest = Math.min(shortest, log10[b].length);
        }
        for (int back = 0; back < shortest; back++) {
            double[] column = new double[batch.length];
            for (int b = 0; b < batch.length; b++) {
                column[b] = log10[b][log10[b].length - 1 - back];
            }
            profiles.row(cellName, length, step, back, mean(column), min(column), max(column));
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
