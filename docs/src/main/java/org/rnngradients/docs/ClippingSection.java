package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rnngradients.analysis.plot.Chart;

import org.rnngradients.analysis.cli.csv.CsvTable;

/** The clipping experiment: one exploding network trained without clipping, with clipping, with the rescue. */
final class ClippingSection {

    private ClippingSection() {
    }

    static String render(Path dir, Figures figures) throws IOException {
        Path summary = dir.resolve("exploding-clipping/summary.csv");
        if (ExperimentResults.absent(summary) != null) {
            return ExperimentResults.absent(summary);
        }
        CsvTable t = CsvTable.read(summary);
        StringBuilder sb = new StringBuilder();
        sb.append("A vanilla tanh RNN (H = ").append(t.text(0, "hidden")).append(") whose W~hh~ is orthogonal times ")
          .append(t.text(0, "gain")).append(", an exploding start, trained with plain SGD (learning rate ")
          .append(t.text(0, "learning_rate")).append(") on the adding problem at T = ").append(t.text(0, "T"))
          .append(", three times from the same seed (`").append(dir.relativize(summary)).append("`):\n\n")
          .append("[cols=\"3,1,3,2,5,2,2,2\",options=\"header\"]\n|===\n| run | θ | non-finite policy | steps completed | failure | ")
          .append("largest gradient norm | clipped steps | final training loss\n");
        for (int r = 0; r < t.size(); r++) {
            boolean clipped = !t.text(r, "variant").startsWith("no-");
            sb.append("| ").append(t.text(r, "variant")).append(" | ").append(clipped ? t.text(r, "clip_theta") : "none")
              .append(" | ").append(t.text(r, "policy")).append(" | ").append(t.text(r, "completed_steps")).append(" of ")
              .append(t.text(r, "max_steps")).append(" | ").append(t.text(r, "failure").isEmpty() ? "none" : t.text(r, "failure"))
              .append(" | ").append(Formats.adoc(t.number(r, "max_gradient_norm"), 3))
              .append(" | ").append(t.text(r, "clip_events"))
              .append(" | ").append(finite(t.number(r, "final_train_loss"))).append('\n');
        }
        sb.append("|===\n\n");
        sb.append(outcome(t)).append("\n\n");
        curves(dir, sb, figures);
        return sb.toString();
    }

    /** The legend's words for the recorded variants. */
    private static final java.util.Map<String, String> LEGEND = java.util.Map.of(
            "no-clipping", "no clipping (ends on a non-finite gradient)", "global-norm", "global-norm clipping");

    /** Always predicting 1 on the sum form of the adding problem: MSE 1/6. */
    static final double BASELINE = 1.0 / 6;

    /** The sentence that compares the clipped run's final loss with the baseline and says whether the rescue fired. */
    static String outcome(CsvTable t) {
        double clipped = Double.NaN;
        double rescue = Double.NaN;
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "variant").equals("global-norm")) {
                clipped = t.number(r, "final_train_loss");
            } else if (t.text(r, "variant").equals("global-norm+rescue")) {
                rescue = t.number(r, "final_train_loss");
            }
        }
        if (!Double.isFinite(clipped)) {
            return "The clipped run did not finish with a finite loss.";
        }
        String learned = clipped < BASELINE
                ? "below the baseline, so the clipped network learned something."
                : Formats.fixed(clipped / BASELINE, 1) + " times the baseline: clipping kept the run finite, but in "
                  + t.text(0, "max_steps") + " steps from this start it did not make the network learn the task.";
        String rescued = rescue == clipped
                ? " The rescue policy never fired, because clipping kept every gradient finite; its run is the plain clipped one."
                : "";
        return "The clipped run ends with training loss " + Formats.fixed(clipped, 3) + ", against "
                + Formats.fixed(BASELINE, 3) + " for always predicting 1, i.e. " + learned + rescued;
    }

    private static String finite(double x) {
        return Double.isFinite(x) ? Formats.adoc(x, 3) : Double.toString(x);
    }

    private static void curves(Path dir, StringBuilder sb, Figures figures) throws IOException {
        Path curves = dir.resolve("exploding-clipping/curves.csv");
        if (!Files.isRegularFile(curves)) {
            return;
        }
        CsvTable t = CsvTable.read(curves);
        Chart chart = new Chart("training step", "log₁₀ gradient norm before clipping");
        var groups = ExperimentResults.group(t, "variant", "step", "gradient_norm", true);
        groups.remove("global-norm+rescue");          // identical to global-norm when nothing is non-finite
        var named = new java.util.LinkedHashMap<String, java.util.List<double[]>>();
        groups.forEach((variant, points) -> named.put(LEGEND.getOrDefault(variant, variant), points));
        ExperimentResults.addGroups(chart, named, "");
        Figure figure = figures.chart(ClippingSection.class, "clipping-gradient-norms", "Gradient norms with and without clipping", chart)
                .data("exploding-clipping/curves.csv", Figures.SHIPPED + "exploding-clipping/curves.csv")
                .reproduce("clipping --iterations 500 --out exploding-clipping");
        sb.append("[[fig-clipping]]\n.Gradient norm before clipping (base-10 log) at every step, with and without clipping.\n")
          .append(figure.include()).append('\n');
    }
}
