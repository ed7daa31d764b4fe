package org.rnngradients.bptt.experiments;

import java.nio.file.Path;
import java.util.Locale;

import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingFailedException;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.linalg.RandomSource;

/**
 * Training from an exploding initialisation (vanilla tanh RNN, W_hh orthogonal with gain &gt; 1) on
 * the U[0,1] adding problem with plain SGD, three times from the same seed: without clipping, with
 * global-norm clipping at θ, and with clipping plus Pascanu's rescue. Records every step's loss and
 * gradient norm, and where a run stops on a non-finite value.
 */
public final class ExplodingGradientExperiment {
    private ExplodingGradientExperiment() {
    }

    /** Entry point: {@code [key=value…]}. */
    public static void main(String[] args) {
        Args a = new Args(args, 0);
        Path out = a.outputDirectory();
        int length = a.integer("length", 50);
        int hidden = a.integer("hidden", 32);
        double gain = a.real("gain", 3.0);
        double lr = a.real("lr", 0.05);
        double theta = a.real("theta", 1.0);
        int steps = a.integer("steps", 300);
        int batch = a.integer("batch", 8);
        long seed = a.longValue("seed", 1);
        String[] header = {"variant", "T", "hidden", "gain", "learning_rate", "clip_theta", "policy", "max_steps",
            "completed_steps", "failed", "failure", "final_train_loss", "max_gradient_norm", "clip_events", "test_mse",
            "parameters_finite"};
        try (Csv summary = new Csv(out.resolve("exploding-clipping-summary.csv"), header);
             Csv curve = new Csv(out.resolve("exploding-clipping-curves.csv"), "variant", "step", "train_loss",
                     "gradient_norm", "clip_action")) {
            GradientClipper[] clippers = {
                GradientClipper.none(NonFinitePolicy.THROW),
                GradientClipper.globalNorm(theta, NonFinitePolicy.THROW),
                GradientClipper.globalNorm(theta, NonFinitePolicy.PASCANU_RESCUE)};
            String[] names = {"no-clipping", "global-norm", "global-norm+rescue"};
            AddingProblem task = AddingProblem.sumForm(length);
            Sequence[] test = task.batch(500, RandomSource.seeded(seed).fork("test-set"));
            for (int v = 0; v < clippers.length; v++) {
                RnnModel model = Models.vanillaOrthogonal(2, hidden, 1, task.loss(), gain, 1.0, seed);
                TrainingConfig config = new TrainingConfig(steps, batch, seed, new FullBptt(), new Sgd(lr, 0), clippers[v]);
                String name = names[v];
                double[] maxNorm = {0};
                long[] events = {0};
                long completed;
                String failure = "";
                double finalLoss = Double.NaN;
                try {
                    TrainingResult r = Trainer.train(model, task, config, p -> {
                        curve.row(name, p.step(), p.loss(), p.gradientNorm(), p.action());
                        maxNorm[0] = Math.max(maxNorm[0], p.gradientNorm());
                        events[0] = p.clipEvents();
                        return true;
                    });
                    completed = r.completedSteps();
                    finalLoss = r.finalLoss();
                } catch (TrainingFailedException e) {
                    completed = e.completedSteps();
                    failure = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                    curve.row(name, completed + 1, "", "", "FAILED");
                }
                boolean finite = model.parameters().isFinite();
                double testMse = finite ? Evaluation.meanLossPerTarget(model, test) : Double.NaN;
                System.out.printf(Locale.ROOT, "%s: completed=%d failure=%s maxNorm=%.3e test=%.5f%n", name, completed,
                        failure, maxNorm[0], testMse);
                summary.row(name, length, hidden, gain, lr, theta, clippers[v].policy(), steps, completed,
                        !failure.isEmpty(), Csv.quoted(failure), finalLoss, maxNorm[0], events[0], testMse, finite);
            }
        }
    }
}
