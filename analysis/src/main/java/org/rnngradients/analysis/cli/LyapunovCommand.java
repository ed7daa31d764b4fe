package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.analysis.Regime;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.PlotData;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code lyapunov}: the Lyapunov spectrum of the cell along its trajectory, and the regime it implies. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Lyapunov spectrum λ_1 ≥ … ≥ λ_k (nats per step) of the cell's state along its trajectory"
                + " (QR method), and the regime: vanishing (λ_1 < -ε), marginal or exploding (λ_1 > ε).",
            "Runs --warm-up steps, then --steps counted steps. Writes lyapunov.csv (i, exponent: sorted in"
                + " descending order, i = 1 the largest), lyapunov_convergence.csv (the running estimate of QR column"
                + " j after each re-orthonormalisation, in column order, which at finite T may differ from the sorted"
                + " order), lyapunov.svg, the parameters (state_dict .npy), inputs.npy, initial_state.npy, loss.txt and"
                + " manifest.json.",
            "--interval M is the longest stretch between re-orthonormalisations: the QR method shortens it wherever the"
                + " directions' growth would drift apart by more than double precision keeps, and refuses a run it cannot"
                + " keep accurate (exit code 2). An exponent of -Infinity means an exactly zero derivative (the product"
                + " lost rank, e.g. dead ReLU units), at any M."})
final class LyapunovCommand extends CellCommand<CellRun> {
    /** The convergence table follows at most this many exponents (evenly spread from λ_1 to λ_k). */
    private static final int TRACKED = 8;
    /** ... at about this many records (every r-th re-orthonormalisation, and always the last). */
    private static final int ROWS = 1000;

    @Mixin
    Settings settings;

    /** The options of the QR method. */
    static final class Settings {
        @Option(names = "--warm-up", defaultValue = "100", paramLabel = "STEPS",
                description = "Steps run before counting, to forget the initial directions.")
        int warmUp;

        @Option(names = "--exponents", defaultValue = "0", paramLabel = "K",
                description = "How many exponents (0 = all, the state size).")
        int exponents;

        @Option(names = "--interval", defaultValue = "1", paramLabel = "M",
                description = "Steps between re-orthonormalisations.")
        int interval;

        @Option(names = "--epsilon", defaultValue = "" + Regime.DEFAULT_EPSILON, paramLabel = "EPS",
                description = "Margin of the regime test, nats per step.")
        double epsilon;

        /** The inputs a run needs: --warm-up steps, then {@code counted} steps (at most Integer.MAX_VALUE in all). */
        int totalSteps(CommandLine cl, int counted) {
            OptionChecks.nonNegative(cl, warmUp, "--warm-up");
            return ResourceLimits.totalSteps(cl, counted, warmUp);
        }

        /** Checks the values for a state of size {@code stateSize}. */
        void validate(CommandLine cl, int stateSize) {
            if (exponents < 0 || exponents > stateSize) {
                throw new ParameterException(cl, "--exponents must be in [0, " + stateSize + "], was " + exponents);
            }
            OptionChecks.positive(cl, interval, "--interval");
            OptionChecks.positive(cl, epsilon, "--epsilon");
        }
    }

    @Override
    CellRun prepare() throws IOException {
        return prepare(this, settings);
    }

    /** The run of {@code command} with --warm-up extra steps, its settings checked against the cell. */
    static CellRun prepare(CellCommand<?> command, Settings s) throws IOException {
        CommandLine cl = command.spec.commandLine();
        OptionChecks.positive(cl, command.run.steps, "--steps");
        int total = s.totalSteps(cl, command.run.steps);
        return command.cellRun(total, (c, cell) -> {
            s.validate(c, cell.stateSize());
            int k = s.exponents == 0 ? cell.stateSize() : s.exponents;
            ResourceLimits.lyapunov(c, cell.hiddenSize(), cell.stateSize(), k, command.run.steps, s.interval);
        });
    }

    @Override
    Map<String, Object> execute(CellRun r, Path out) throws IOException {
        return write(r, settings, out, this);
    }

    /** Computes the spectrum of {@code r} and writes its files into {@code out}, showing progress on {@code command}. */
    static Map<String, Object> write(CellRun r, Settings s, Path out, ExperimentCommand<?> command) throws IOException {
        Progress progress = command.progress("lyapunov", r.steps());
        int k = s.exponents == 0 ? r.cell.stateSize() : s.exponents;
        // tag::cli-lyapunov[]
        LyapunovResult result = new LyapunovSpectrum(k, s.warmUp, r.steps() - s.warmUp, s.interval,
                r.random.fork("lyapunov-frame").seed()).compute(r.trajectory(progress));
        progress.finish();
        double[] lambda = descending(result.exponents(), s.interval);
        Regime regime = Regime.of(lambda[0], s.epsilon);
        // end::cli-lyapunov[]
        r.write(out);
        RunFiles.text(out, RunFiles.LOSS, definition(r, s, k));
        RunFiles.csv(out, "lyapunov.csv", table(lambda));
        RunFiles.csv(out, "lyapunov_convergence.csv", convergence(result));
        RunFiles.svg(out, "lyapunov.svg", plot(lambda, r));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("lyapunov.largest", lambda[0]);
        results.put("lyapunov.sum", result.sum());
        results.put("lyapunov.regime", regime.name());
        return results;
    }

    private static String definition(CellRun r, Settings s, int k) {
        return "Lyapunov spectrum of " + r.describe() + ".\n"
                + "s_t = cell(s_{t-1}, x_t), s_0 = initial_state.npy, x_t = row t-1 of inputs.npy (warm-up rows first).\n"
                + "No loss: lyapunov.csv gives the " + k + " largest exponents lambda_i = lim (1/T) ln sigma_i(ds_T/ds_0),\n"
                + "estimated by the QR method over " + (r.steps() - s.warmUp) + " steps after " + s.warmUp
                + " warm-up steps, re-orthonormalising at least every " + s.interval + " step(s); natural log, nats per step.\n"
                + "Regime: vanishing if lambda_1 < -" + s.epsilon + ", exploding if lambda_1 > " + s.epsilon
                + ", marginal otherwise.\n";
    }

    /**
     * The exponents sorted in descending order. The QR method ends an interval at an exactly zero R_ii and
     * shortens it before the directions lose precision, so -∞ is an exactly zero derivative whatever
     * {@code interval} was; NaN or +∞ is never a result and is refused naming the interval.
     */
    static double[] descending(double[] exponents, int interval) {
        for (int i = 0; i < exponents.length; i++) {
            if (Double.isNaN(exponents[i]) || exponents[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("--interval " + interval + ": exponent " + (i + 1) + " came out "
                        + exponents[i] + "; the QR method could not keep this run finite");
            }
        }
        double[] sorted = exponents.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    /** One row per exponent: i, λ_i (descending). */
    private static StringBuilder table(double[] e) {
        StringBuilder text = new StringBuilder();
        CsvWriter table = new CsvWriter(text, List.of("i", "exponent"));
        for (int i = 0; i < e.length; i++) {
            table.row(i + 1, e[i]);
        }
        return text;
    }

    /** The running estimates of up to TRACKED exponents at about ROWS re-orthonormalisations. */
    private static StringBuilder convergence(LyapunovResult result) {
        int[] idx = PlotData.evenlySpread(result.exponents().length, TRACKED);
        List<String> header = new ArrayList<>(List.of("steps"));
        for (int i : idx) {
            header.add("lambda_" + (i + 1));
        }
        StringBuilder text = new StringBuilder();
        CsvWriter table = new CsvWriter(text, header);
        int every = Math.max(1, result.records() / ROWS);
        for (int rec = 0; rec < result.records(); rec++) {
            if ((rec + 1) % every != 0 && rec != result.records() - 1) {
                continue;
            }
            double[] est = result.runningEstimate(rec);
            Object[] row = new Object[idx.length + 1];
            row[0] = result.stepsAt(rec);
            for (int j = 0; j < idx.length; j++) {
                row[j + 1] = est[idx[j]];
            }
            table.row(row);
        }
        return text;
    }

    private static Chart plot(double[] e, CellRun r) {
        return new Chart("exponent index i", "λᵢ (nats per step)").title("Lyapunov spectrum, " + r.kind.cliName()
                + ", H = " + r.cell.hiddenSize()).integerX().markers().line("λᵢ", PlotData.oneTo(e.length), e);
    }
}
