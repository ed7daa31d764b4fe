package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The clipping experiment: one exploding network trained without clipping, with clipping, with the rescue. */
final class ClippingSection {

    private ClippingSection() {
    }

    static String render(Path dir, Figures figures) throws IOException {
        Path summary = dir.resolve("exploding-clipping-summary.csv");
        if (ExperimentResults.absent(summary) != null) {
            return ExperimentResults.absent(summary);
        }
        CsvTable t = CsvTable.read(summary);
        StringBuilder sb = new StringBuilder();
        sb.append("A vanilla tanh RNN (H = ").append(t.text(0, "hidden")).append(") whose W~hh~ is orthogonal times ")
          .append(t.text(0, "gain")).append(", an exploding start, trained with plain SGD (learning rate ")
          .append(t.text(0, "learning_rate")).append(") on the adding problem at T = ").append(t.text(0, "T"))
          .append(", three times from the same seed (`").append(summary.getFileName()).append("`):\n\n")
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
        curves(dir, sb, figures);
        return sb.toString();
    }

    private static String finite(double x) {
        return Double.isFinite(x) ? Formats.adoc(x, 3) : Double.toString(x);
    }

    private static void curves(Path dir, StringBuilder sb, Figures figures) throws IOException {
        Path curves = dir.resolve("exploding-clipping-curves.csv");
        if (!Files.isRegularFile(curves)) {
            return;
        }
        CsvTable t = CsvTable.read(curves);
        SvgCharts chart = new SvgCharts("clipping-gradient-norms", "training step", "log10 of gradient norm before clipping");
        var groups = ExperimentResults.group(t, "variant", "step", "gradient_norm", true);
        groups.remove("global-norm+rescue");          // identical to global-norm when nothing is non-finite
        ExperimentResults.addGroups(chart, groups, "", false);
        figures.write(chart);
        sb.append("[[fig-clipping]]\n.Gradient norm before clipping (base-10 log) at every step, with and without clipping.\n")
          .append("image::clipping-gradient-norms.svg[Gradient norms with and without clipping,720,420]\n\n");
    }
}
