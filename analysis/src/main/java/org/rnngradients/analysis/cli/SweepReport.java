package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.analysis.MeanFieldTheory;
import org.rnngradients.analysis.sweep.GainSummary;
import org.rnngradients.analysis.sweep.SweepResult;
import org.rnngradients.analysis.sweep.ZeroCrossing;
import org.rnngradients.cells.CellKind;

/**
 * The files a finished sweep adds beside sweep.csv: the per-gain summary with the mean-field theory
 * for tanh networks, the threshold crossings, and a chart of mean λ_1 against g. An empty field means
 * "not defined here" (a standard error of one network, the theory of a gated cell, a curve that never
 * crosses), never a failed computation.
 */
final class SweepReport {
    private static final MeanFieldTheory THEORY = new MeanFieldTheory();

    private SweepReport() {
    }

    /** Writes summary.csv, crossings.csv and the chart into {@code dir}; returns the headline crossings. */
    static Map<String, Object> write(Path dir, List<SweepResult> results, double epsilon, int resamples, long seed)
            throws IOException {
        List<GainSummary> summary = GainSummary.of(results, epsilon);
        RunFiles.csv(dir, SweepCommand.SUMMARY, summary(summary));
        List<ZeroCrossing> crossings = new ArrayList<>(ZeroCrossing.of(results, 0, resamples, seed));
        crossings.addAll(ZeroCrossing.of(results, epsilon, resamples, seed));
        RunFiles.csv(dir, SweepCommand.CROSSINGS, crossings(crossings));
        RunFiles.svg(dir, SweepCommand.PLOT, plot(summary));
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("points", results.size());
        for (ZeroCrossing z : crossings) {
            if (z.threshold() == 0) {
                headline.put("zero_crossing." + z.cell().cliName() + ".N" + z.hidden(), value(z.meanCurveGain()));
            }
        }
        return headline;
    }

    // tag::sweep-summary-columns[]
    private static StringBuilder summary(List<GainSummary> rows) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("cell", "hidden", "gain", "networks", "lambda_1_mean", "lambda_1_se",
                "lambda_1_half_mean", "max_half_change", "positive", "exploding", "activity_mean",
                "spectral_radius_mean", "mean_field_lambda_1", "mean_field_activity"));
        for (GainSummary s : rows) {
            MeanFieldTheory.Solution theory = theory(s.cell(), s.gain());
            t.row(s.cell().cliName(), s.hidden(), s.gain(), s.networks(), s.meanExponent(), cell(s.standardError()),
                    s.meanHalfTimeExponent(), cell(s.largestHalfTimeChange()), s.positive(), s.exploding(),
                    s.meanActivity(), cell(s.meanSpectralRadius()),
                    theory == null ? "" : theory.largestExponent(),
                    theory == null ? "" : theory.variance() / (s.gain() * s.gain()));
        }
        return text;
    }
    // end::sweep-summary-columns[]

    /** The mean-field solution for a tanh network at g, or null (another cell, or g beyond the quadrature). */
    private static MeanFieldTheory.Solution theory(CellKind cell, double g) {
        if (cell != CellKind.RNN_TANH) {
            return null;
        }
        try {
            return THEORY.solve(g);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static StringBuilder crossings(List<ZeroCrossing> rows) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("cell", "hidden", "threshold", "networks", "mean_curve_gain", "bootstrap_se",
                "bootstrap_misses", "resamples", "per_network_mean", "per_network_se", "networks_crossing",
                "mean_field_gain"));
        for (ZeroCrossing z : rows) {
            Object theory = "";
            if (z.cell() == CellKind.RNN_TANH) {
                try {
                    theory = THEORY.gainForExponent(z.threshold());
                } catch (IllegalArgumentException e) {
                    theory = "";                                  // a threshold above λ_max(3)
                }
            }
            t.row(z.cell().cliName(), z.hidden(), z.threshold(), z.networks(), value(z.meanCurveGain()),
                    cell(z.bootstrapStandardError()), z.bootstrapMisses(), z.resamples(), value(z.perNetworkMean()),
                    cell(z.perNetworkStandardError()), z.networksCrossing(), theory);
        }
        return text;
    }

    private static Chart plot(List<GainSummary> rows) {
        Chart plot = new Chart("gain g", "mean λ₁ (nats per step)")
                .title("Largest Lyapunov exponent of autonomous random networks");
        Map<String, List<GainSummary>> curves = new LinkedHashMap<>();
        for (GainSummary s : rows) {
            curves.computeIfAbsent(s.cell().cliName() + ", N = " + s.hidden(), k -> new ArrayList<>()).add(s);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean tanh = false;
        for (Map.Entry<String, List<GainSummary>> c : curves.entrySet()) {
            double[] g = c.getValue().stream().mapToDouble(GainSummary::gain).toArray();
            double[] y = c.getValue().stream().mapToDouble(GainSummary::meanExponent).toArray();
            plot.line(c.getKey(), g, y, Style.auto().withMarkers());
            lo = Math.min(lo, g[0]);
            hi = Math.max(hi, g[g.length - 1]);
            tanh |= c.getValue().get(0).cell() == CellKind.RNN_TANH;
        }
        if (tanh) {
            meanFieldCurve(plot, lo, Math.min(hi, 3.0));
        }
        return plot;
    }

    /** The theory on a 0.01 grid from lo to hi (the kink at g = 1 included). */
    private static void meanFieldCurve(Chart plot, double lo, double hi) {
        int n = Math.max(2, (int) Math.round((hi - lo) / 0.01) + 1);
        double[] g = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = lo + (hi - lo) * k / (n - 1);
            y[k] = THEORY.largestExponent(g[k]);
        }
        plot.line("mean-field theory (N → ∞)", g, y, Style.dashed(Palette.BLACK));
    }

    /** A finite double, or an empty field for NaN (undefined, as documented on the record). */
    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    private static Object value(OptionalDouble v) {
        return v.isPresent() ? (Object) v.getAsDouble() : "";
    }
}
