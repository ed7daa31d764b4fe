package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.RnnModel;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.PlotData;

import picocli.CommandLine.Command;

/** {@code profile}: the gradient profile ‖∂L/∂h_t‖ for t = 1..T of a loss at the end of the sequence. */
@Command(name = "profile", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Gradient profile: ln‖∂L/∂h_t‖ for t = 1..T, computed in log space so it neither underflows"
                + " nor overflows. The loss is L = uᵀh_T (u a random unit vector, target.npy) for --input none or"
                + " gaussian; for --input task it is the task's loss (MSE for adding, cross-entropy for agreement and"
                + " memory) of an untrained linear readout against the targets of one task sequence, and T is that"
                + " sequence's length.",
            "Writes profile.csv (t, log_norm, log10_norm, norm), profile.svg, the parameters (state_dict .npy),"
                + " inputs.npy, initial_state.npy, target.npy (or readout.*.npy and task_*.npy), loss.txt and"
                + " manifest.json."})
final class ProfileCommand extends CellCommand<CellRun> {

    @Override
    CellRun prepare() throws IOException {
        return prepare(this);
    }

    /** The run of {@code command}: T = --steps inputs, or exactly one task sequence for --input task. */
    static CellRun prepare(CellCommand<?> command) throws IOException {
        int steps = command.run.steps;
        CellRun r = command.cellRun(steps, (cl, cell) -> ResourceLimits.profile(cl, command.model.cell, cell.hiddenSize(),
                steps));
        return r.task == null ? r : r.onTaskSequence();
    }

    @Override
    Map<String, Object> execute(CellRun r, Path out) throws IOException {
        return write(r, out, this);
    }

    /** Computes the profile of {@code r} and writes its files into {@code out}, showing progress on {@code command}. */
    static Map<String, Object> write(CellRun r, Path out, ExperimentCommand<?> command) throws IOException {
        Progress progress = command.progress("profile", 2L * r.steps());
        // tag::cli-profile[]
        ProfileLoss loss = ProfileLoss.of(r);
        RnnModel model = loss.model(new CountingCell(r.cell, progress));
        GradientProfile profile = new AdjointProfiler().profile(model, loss.sequence(), r.initialState);
        // end::cli-profile[]
        progress.finish();
        r.write(out);
        loss.write(out);
        RunFiles.text(out, RunFiles.LOSS, definition(r, loss));
        RunFiles.csv(out, "profile.csv", table(profile));
        RunFiles.svg(out, "profile.svg", plot(profile, r));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("profile.logNormAtFirstStep", profile.logNorm(1));
        results.put("profile.logNormAtLastStep", profile.logNorm(profile.length()));
        return results;
    }

    private static String definition(CellRun r, ProfileLoss loss) {
        return "Gradient profile of " + r.describe() + ".\n"
                + "s_t = cell(s_{t-1}, x_t) for t = 1..T, s_0 = initial_state.npy, x_t = row t-1 of inputs.npy.\n"
                + loss.definition()
                + "profile.csv gives ln||dL/dh_t||_2 for t = 1..T (natural log; log10 and the plain norm beside it).\n";
    }

    /** One row per step: t, ln, log10 and the plain norm of ∂L/∂h_t. */
    private static StringBuilder table(GradientProfile profile) {
        StringBuilder text = new StringBuilder();
        CsvWriter table = new CsvWriter(text, List.of("t", "log_norm", "log10_norm", "norm"));
        for (int t = 1; t <= profile.length(); t++) {
            table.row(t, profile.logNorm(t), profile.log10Norm(t), profile.norm(t));
        }
        return text;
    }

    private static Chart plot(GradientProfile profile, CellRun r) {
        double[] t = PlotData.oneTo(profile.length());
        return new Chart("step t", "log₁₀ ‖∂L/∂hₜ‖").title("Gradient profile, " + r.kind.cliName() + ", H = "
                + r.cell.hiddenSize()).integerX().line("log₁₀ ‖∂L/∂hₜ‖", t, profile.log10Norms());
    }
}
