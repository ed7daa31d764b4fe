package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.bptt.clip.PascanuCliff;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cliff}: Pascanu et al.'s one-unit loss surface over (w, b) and gradient descent on it, clipped and not. */
@Command(name = "cliff", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"The loss surface of Pascanu, Mikolov & Bengio's (2013, Fig. 6) one-unit network"
                + " x_t = w sigmoid(x_{t-1}) + b, no input, E = (sigmoid(x_T) - y)^2, computed with the project's"
                + " one-unit sigmoid cell (h_t = sigmoid(x_t), so W_hh = w, b_hh = b, h_0 = sigmoid(x_0)) and exact"
                + " BPTT gradients; and plain gradient descent from each --start, once without clipping and once"
                + " with global-norm clipping at --threshold.",
            "Writes surface.csv (w, b, loss, gradient_norm on the grid), trajectories.csv (start, clipping, step,"
                + " w, b, loss, gradient_norm, clipped, step_length), cliff.svg (the paths in the (w, b) plane and the"
                + " wall), loss.txt and manifest.json."})
final class CliffCommand extends ExperimentCommand<CliffCommand.Setup> {

    @Option(names = "--horizon", defaultValue = "50", paramLabel = "T", description = "Step T at which the error is measured.")
    int horizon;

    @Option(names = "--x0", defaultValue = "0.5", paramLabel = "X", description = "Initial pre-activation x_0.")
    double x0;

    @Option(names = "--target", defaultValue = "0.7", paramLabel = "Y", description = "Target y of sigmoid(x_T).")
    double target;

    @Option(names = "--w-range", defaultValue = "1:8", paramLabel = "LO:HI", description = "Recurrent weights w of the grid.")
    String wRange;

    @Option(names = "--b-range", defaultValue = "-5:2", paramLabel = "LO:HI", description = "Biases b of the grid.")
    String bRange;

    @Option(names = "--grid", defaultValue = "141", paramLabel = "K", description = "Grid points per axis (>= 2).")
    int grid;

    @Option(names = "--start", defaultValue = "4.5:-2.6,5:-3.1,4.3:-2.5", paramLabel = "W:B,...",
            description = "Starting points of the descents, comma-separated w:b pairs.")
    String starts;

    @Option(names = "--learning-rate", defaultValue = "1.0", paramLabel = "ETA", description = "Learning rate eta.")
    double learningRate;

    @Option(names = "--iterations", defaultValue = "60", paramLabel = "K", description = "Descent steps per path.")
    int iterations;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "THETA",
            description = "Global-norm clipping threshold theta of the clipped paths (each step is at most eta*theta).")
    double threshold;

    /** The validated options. */
    record Setup(PascanuCliff cliff, double[] w, double[] b, List<double[]> starts) {
    }

    @Override
    long seed() {
        return 0;                                             // nothing is random
    }

    @Override
    Setup prepare() {
        CommandLine cl = spec.commandLine();
        OptionChecks.positive(cl, horizon, "--horizon");
        OptionChecks.positive(cl, learningRate, "--learning-rate");
        OptionChecks.positive(cl, threshold, "--threshold");
        OptionChecks.nonNegative(cl, iterations, "--iterations");
        if (grid < 2 || grid > 2001) {
            throw new ParameterException(cl, "--grid must be in [2, 2001], was " + grid);
        }
        if (!Double.isFinite(x0) || !Double.isFinite(target)) {
            throw new ParameterException(cl, "--x0 and --target must be finite, were " + x0 + " and " + target);
        }
        return new Setup(new PascanuCliff(horizon, x0, target), axis(cl, wRange, "--w-range"),
                axis(cl, bRange, "--b-range"), startPoints(cl));
    }

    /** {@code grid} evenly spaced values from lo to hi (lo &lt; hi, both finite). */
    private double[] axis(CommandLine cl, String range, String option) {
        double[] lh = pair(cl, range, option);
        if (!(lh[1] > lh[0])) {
            throw new ParameterException(cl, option + " must be LO:HI with LO < HI, was " + range);
        }
        double[] v = new double[grid];
        for (int k = 0; k < grid; k++) {
            v[k] = lh[0] + (lh[1] - lh[0]) * k / (grid - 1);
        }
        return v;
    }

    private List<double[]> startPoints(CommandLine cl) {
        List<double[]> out = new ArrayList<>();
        for (String item : starts.split(",")) {
            out.add(pair(cl, item, "--start"));
        }
        return out;
    }

    private static double[] pair(CommandLine cl, String text, String option) {
        String[] p = text.strip().split(":");
        try {
            if (p.length == 2) {
                double a = Double.parseDouble(p[0]);
                double b = Double.parseDouble(p[1]);
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    return new double[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(cl, option + " expects two finite numbers as A:B, was '" + text + "'");
    }

    @Override
    Map<String, Object> execute(Setup s, Path out) throws IOException {
        Progress progress = progress("cliff", (long) s.w().length * s.b().length + 2L * s.starts().size());
        RunFiles.csv(out, "surface.csv", surface(s, progress));
        StringBuilder pathsText = new StringBuilder();
        CsvWriter paths = new CsvWriter(pathsText, List.of("start", "clipping", "step", "w", "b", "loss", "gradient_norm", "clipped",
                "step_length"));
        Chart plot = new Chart("w", "b").title("Gradient descent on the cliff of a one-unit RNN (T = " + horizon + ")");
        Map<String, Object> results = new LinkedHashMap<>();
        for (int k = 0; k < s.starts().size(); k++) {
            double[] start = s.starts().get(k);
            for (boolean clip : new boolean[] {false, true}) {
                GradientClipper clipper = clip ? GradientClipper.globalNorm(threshold)
                        : GradientClipper.none(NonFinitePolicy.THROW);
                List<PascanuCliff.Point> path = s.cliff().descend(start[0], start[1], learningRate, iterations, clipper);
                String name = clip ? "clipped" : "none";
                addPath(paths, plot, k + 1, name, path);
                PascanuCliff.Point last = path.get(path.size() - 1);
                results.put("start" + (k + 1) + "." + name + ".finalLoss", last.loss());
                results.put("start" + (k + 1) + "." + name + ".longestStep",
                        path.stream().mapToDouble(PascanuCliff.Point::stepLength).max().orElse(0));
                progress.advance(1);
            }
        }
        progress.finish();
        addWall(plot, s);
        RunFiles.csv(out, "trajectories.csv", pathsText);
        RunFiles.svg(out, "cliff.svg", plot);
        RunFiles.text(out, RunFiles.LOSS, definition(s));
        return results;
    }

    private static StringBuilder surface(Setup s, Progress progress) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("w", "b", "loss", "gradient_norm"));
        for (double w : s.w()) {
            for (double b : s.b()) {
                double[] g = s.cliff().gradient(w, b);
                t.row(w, b, s.cliff().loss(w, b), Math.hypot(g[0], g[1]));
                progress.advance(1);
            }
        }
        return text;
    }

    private static void addPath(CsvWriter t, Chart plot, int start, String clipping, List<PascanuCliff.Point> path) {
        double[] w = new double[path.size()];
        double[] b = new double[path.size()];
        for (int i = 0; i < w.length; i++) {
            PascanuCliff.Point p = path.get(i);
            t.row(start, clipping, p.step(), p.w(), p.b(), p.loss(), p.gradientNorm(), p.clipped() ? 1 : 0, p.stepLength());
            w[i] = p.w();
            b[i] = p.b();
        }
        plot.line("start " + start + ", " + (clipping.equals("none") ? "no clipping" : "clipped"), w, b);
    }

    /** The line b = x_0 − w h_0 where h_0 is an unstable fixed point: the wall, inside the grid. */
    private static void addWall(Chart plot, Setup s) {
        double h0 = 1 / (1 + Math.exp(-s.cliff().initialPreActivation()));
        double from = Math.max(s.w()[0], 1 / (h0 * (1 - h0)) + 1e-9);
        double to = s.w()[s.w().length - 1];
        if (from < to) {
            plot.line("wall (h₀ an unstable fixed point)", new double[] {from, to},
                    new double[] {s.cliff().wall(from), s.cliff().wall(to)});
        }
    }

    private String definition(Setup s) {
        return "Pascanu, Mikolov & Bengio (2013), eq. 8 and Fig. 6: x_t = w sigmoid(x_{t-1}) + b, no input, x_0 = " + x0
                + ",\nE(w, b) = (sigmoid(x_T) - " + target + ")^2 at T = " + horizon + ".\n"
                + "Computed as the one-unit sigmoid RNN h_t = sigmoid(w h_{t-1} + b) (h_t = sigmoid(x_t)), h_0 = sigmoid("
                + x0 + "),\nMSE of h_T against " + target + "; gradients (dE/dw, dE/db) by full BPTT.\n"
                + "Descent: theta <- theta - " + learningRate + " * g, " + iterations + " steps from each start; clipped paths"
                + " rescale g to norm " + threshold + " when ||g|| > " + threshold + " (global norm).\n";
    }
}
