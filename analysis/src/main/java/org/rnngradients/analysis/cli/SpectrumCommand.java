package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.JacobianProduct;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.PlotData;

import picocli.CommandLine.Command;

/** {@code spectrum}: the singular values of the Jacobian products ∂s_T/∂s_t for every t. */
@Command(name = "spectrum", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Jacobian-product spectrum: ln σ_i(∂s_T/∂s_t) for t = 0..T and every i (s = h, or [h; c] for an"
                + " LSTM), accumulated in log space so long products neither underflow nor overflow.",
            "Writes spectrum.csv (t, lag = T - t, log_sigma_1..log_sigma_n), spectrum.svg, the parameters"
                + " (state_dict .npy), inputs.npy, initial_state.npy, loss.txt and manifest.json."})
final class SpectrumCommand extends CellCommand<CellRun> {
    /** At most this many singular values are drawn (evenly spread from σ_1 to σ_n); the CSV has all. */
    private static final int PLOTTED = 8;

    @Override
    CellRun prepare() throws IOException {
        return prepare(this);
    }

    /** The run of {@code command}, once its T stored Jacobians are known to fit. */
    static CellRun prepare(CellCommand<?> command) throws IOException {
        int steps = command.run.steps;
        return command.cellRun(steps, (cl, cell) -> ResourceLimits.spectrum(cl, cell.hiddenSize(), cell.stateSize(), steps));
    }

    @Override
    Map<String, Object> execute(CellRun r, Path out) throws IOException {
        return write(r, out, this);
    }

    /** Computes the spectra of {@code r} and writes their files into {@code out}, showing progress on {@code command}. */
    static Map<String, Object> write(CellRun r, Path out, ExperimentCommand<?> command) throws IOException {
        Progress progress = command.progress("spectrum", r.steps());
        // tag::cli-spectrum[]
        JacobianProduct product = JacobianProduct.record(r.trajectory(progress), r.steps());
        progress.finish();
        double[][] logSigma = product.logSingularValuesToEnd();
        // end::cli-spectrum[]
        r.write(out);
        RunFiles.text(out, RunFiles.LOSS, definition(r));
        RunFiles.csv(out, "spectrum.csv", table(logSigma));
        RunFiles.svg(out, "spectrum.svg", plot(logSigma, r));
        int n = logSigma[0].length;
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("spectrum.logSigmaMaxAtT0", logSigma[0][0]);
        results.put("spectrum.logSigmaMinAtT0", logSigma[0][n - 1]);
        results.put("spectrum.logSigmaMaxPerStep", logSigma[0][0] / r.steps());
        return results;
    }

    private static String definition(CellRun r) {
        return "Jacobian-product spectrum of " + r.describe() + ".\n"
                + "s_t = cell(s_{t-1}, x_t) for t = 1..T, s_0 = initial_state.npy, x_t = row t-1 of inputs.npy.\n"
                + "No loss: spectrum.csv gives ln sigma_i(ds_T/ds_t), the natural logs of the singular values of\n"
                + "J_T J_{T-1} ... J_{t+1} (J_t = ds_t/ds_{t-1}), descending, for t = 0..T (t = T is the identity).\n"
                + "Any loss L(s_T) has ||dL/ds_t|| <= exp(log_sigma_1) ||dL/ds_T||.\n";
    }

    /** One row per t: t, T − t and every ln σ_i(∂s_T/∂s_t). */
    private static StringBuilder table(double[][] logSigma) {
        int n = logSigma[0].length;
        List<String> header = new ArrayList<>(List.of("t", "lag"));
        for (int i = 1; i <= n; i++) {
            header.add("log_sigma_" + i);
        }
        StringBuilder text = new StringBuilder();
        CsvWriter table = new CsvWriter(text, header);
        int steps = logSigma.length - 1;
        for (int t = 0; t <= steps; t++) {
            Object[] row = new Object[n + 2];
            row[0] = t;
            row[1] = steps - t;
            for (int i = 0; i < n; i++) {
                row[i + 2] = logSigma[t][i];
            }
            table.row(row);
        }
        return text;
    }

    private static Chart plot(double[][] logSigma, CellRun r) {
        int n = logSigma[0].length;
        int steps = logSigma.length - 1;
        double[] lag = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            lag[t] = steps - t;
        }
        Chart plot = new Chart("lag T − t", "log₁₀ σᵢ").integerX().title("Singular values σᵢ of ∂s_T/∂sₜ, "
                + r.kind.cliName() + ", H = " + r.cell.hiddenSize());
        for (int i : PlotData.evenlySpread(n, PLOTTED)) {
            double[] y = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                y[t] = logSigma[t][i] / Math.log(10);
            }
            plot.line("σ" + PlotData.subscript(i + 1), lag, y);
        }
        return plot;
    }
}
