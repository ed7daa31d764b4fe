package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.RandomMatrices;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code profile}: the gradient profile ‖∂L/∂h_t‖ for t = 1..T of a loss at the last step. */
@Command(name = "profile", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Gradient profile: ln‖∂L/∂h_t‖ for t = 1..T of the loss L = uᵀh_T (u a random unit vector),"
                + " computed in log space so it neither underflows nor overflows.",
            "Writes profile.csv (t, log_norm, log10_norm, norm), profile.svg, the parameters (state_dict .npy),"
                + " inputs.npy, initial_state.npy, target.npy, loss.txt and manifest.json."})
final class ProfileCommand extends ExperimentCommand<CellRun> {
    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Mixin
    TaskOptions tasks;

    @Override
    CellRun prepare() throws IOException {
        return CellRun.of(model, run, tasks, run.steps);
    }

    @Override
    long seed() {
        return run.seed;
    }

    @Override
    Map<String, Object> execute(CellRun r, Path out) throws IOException {
        return write(r, out, progress("profile", 2L * r.steps()));
    }

    /** Computes the profile of {@code r} and writes its files into {@code out}. */
    static Map<String, Object> write(CellRun r, Path out, Progress progress) throws IOException {
        // tag::cli-profile[]
        DMatrixRMaj u = new DMatrixRMaj(r.cell.hiddenSize(), 1);
        RandomMatrices.gaussian(u, 1.0, r.random.fork("target"));
        LogSpace.normalise(u);
        RnnModel model = new RnnModel(new CountingCell(r.cell, progress), new ProjectionLoss());
        GradientProfile profile = new AdjointProfiler().profile(model, Sequence.lastStep(r.inputColumns(), u), r.initialState);
        // end::cli-profile[]
        progress.finish();
        r.write(out);
        RunFiles.vector(out, "target.npy", u);
        RunFiles.text(out, RunFiles.LOSS, loss(r));
        RunFiles.csv(out, "profile.csv", table(profile));
        RunFiles.svg(out, "profile.svg", plot(profile, r));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("profile.logNormAtFirstStep", profile.logNorm(1));
        results.put("profile.logNormAtLastStep", profile.logNorm(profile.length()));
        return results;
    }

    private static String loss(CellRun r) {
        return "Gradient profile of " + r.describe() + ".\n"
                + "s_t = cell(s_{t-1}, x_t) for t = 1..T, s_0 = initial_state.npy, x_t = row t-1 of inputs.npy.\n"
                + "L = u^T h_T with u = target.npy (a unit vector), so dL/dh_T = u.\n"
                + "profile.csv gives ln||dL/dh_t||_2 for t = 1..T (natural log; log10 and the plain norm beside it).\n";
    }

    static CsvTable table(GradientProfile profile) {
        CsvTable table = new CsvTable(List.of("t", "log_norm", "log10_norm", "norm"));
        for (int t = 1; t <= profile.length(); t++) {
            table.add(t, profile.logNorm(t), profile.log10Norm(t), profile.norm(t));
        }
        return table;
    }

    private static SvgPlot plot(GradientProfile profile, CellRun r) {
        double[] t = new double[profile.length()];
        for (int k = 0; k < t.length; k++) {
            t[k] = k + 1;
        }
        return new SvgPlot("Gradient profile, " + r.kind.cliName() + ", H = " + r.cell.hiddenSize(), "t",
                "log10 ||dL/dh_t||").line("log10 ||dL/dh_t||", t, profile.log10Norms());
    }
}
