package org.rnngradients.bptt.floss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * Four ways to train a vanilla tanh RNN on the adding problem (sum form, baseline MSE 1/6) at a length
 * where it fails by default: no remedy; gradient clipping; orthogonal W_hh (with clipping); gradient
 * flossing (with clipping, as in Engelken's code): a flossing phase before training and the
 * {@link FlossingTerm} during it. Each run reports its test MSE, whether it succeeded (test MSE below
 * {@link #SUCCESS_FRACTION} of the baseline), λ_1 … λ_m on a held-out input stream during training, and
 * the final adjoint profile ‖∂L/∂h_t‖.
 */
public final class FlossingExperiment {
    /** A run succeeds when its final test MSE is below this fraction of the baseline 1/6. */
    public static final double SUCCESS_FRACTION = 0.1;

    /** The four set-ups. */
    public enum Setup {
        /** PyTorch's init U[±1/√H], no clipping (non-finite gradients skipped). */
        NONE("none"),
        /** PyTorch's init, global-norm clipping. */
        CLIPPING("clipping"),
        /** W_hh Haar-orthogonal, Xavier W_ih, zero biases, global-norm clipping. */
        ORTHOGONAL("orthogonal"),
        /** PyTorch's init, clipping, a flossing phase before training and the flossing term during it. */
        FLOSSING("flossing");

        private final String cliName;

        Setup(String cliName) {
            this.cliName = cliName;
        }

        /** The command-line name. */
        public String cliName() {
            return cliName;
        }

        /** The set-up named {@code name}, or an exception listing the names. */
        public static Setup fromCliName(String name) {
            Require.nonNull(name, "name");
            for (Setup s : values()) {
                if (s.cliName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("setup must be one of none, clipping, orthogonal, flossing, was " + name);
        }
    }

    /**
     * The settings shared by every run.
     *
     * @param length          sequence length T ≥ 2
     * @param hidden          H ≥ 1
     * @param steps           training steps ≥ 1
     * @param batch           sequences per step ≥ 1
     * @param learningRate    Adam's rate (training and the flossing phase), &gt; 0
     * @param clip            global-norm threshold θ &gt; 0 (set-ups with clipping)
     * @param target          the flossed exponents: k, horizon, warm-up
     * @param preflossSteps   flossing-phase steps before training ≥ 0
     * @param schedule        the flossing term's weight, interval and episodes during training, or null for none
     *                        (the flossing set-up then flosses only before training)
     * @param monitor         the exponents recorded during training (k, horizon, warm-up of the held-out stream)
     * @param evaluateEvery   steps between test evaluations ≥ 1
     * @param testSize        test sequences ≥ 1
     * @param profileSize     test sequences whose adjoint profiles are averaged at the end, 1 ≤ n ≤ testSize
     */
    public record Settings(int length, int hidden, int steps, int batch, double learningRate, double clip,
                           FlossingTarget target, int preflossSteps, FlossingSchedule schedule, FlossingTarget monitor,
                           int evaluateEvery, int testSize, int profileSize) {
        /** Validates every field by name. */
        public Settings {
            Require.inRange(length, 2, Integer.MAX_VALUE, "length");
            Require.positive(hidden, "hidden");
            Require.positive(steps, "steps");
            Require.positive(batch, "batch");
            Require.positive(learningRate, "learningRate");
            Require.positive(clip, "clip");
            Require.nonNull(target, "target");
            Require.inRange(target.exponents(), 1, hidden, "target.exponents");
            Require.nonNegative(preflossSteps, "preflossSteps");
            Require.nonNull(monitor, "monitor");
            Require.inRange(monitor.exponents(), 1, hidden, "monitor.exponents");
            Require.positive(evaluateEvery, "evaluateEvery");
            Require.positive(testSize, "testSize");
            Require.inRange(profileSize, 1, testSize, "profileSize");
        }
    }

    /**
     * A point of the training record: test MSE and the monitored exponents after {@code step} training
     * steps (0: at the start of training; −P: before a flossing phase of P steps).
     */
    public record Sample(long step, double testMse, double[] exponents) {
        /** Copies the exponents. */
        public Sample {
            exponents = Require.nonNull(exponents, "exponents").clone();
        }
    }

    /**
     * One run's results.
     *
     * @param profile    mean over the profiled test sequences of log₁₀‖∂L/∂h_t‖, t = 1..T
     * @param preflossing the flossing phase's steps (empty unless flossing)
     */
    public record Outcome(Setup setup, int length, long seed, double seconds, double testMse, boolean success,
                          long clipEvents, List<Sample> samples, double[] profile, List<FlossingPhase.Step> preflossing) {
        /** Copies the arrays and lists. */
        public Outcome {
            Require.nonNull(setup, "setup");
            samples = List.copyOf(Require.nonNull(samples, "samples"));
            profile = Require.nonNull(profile, "profile").clone();
            preflossing = List.copyOf(Require.nonNull(preflossing, "preflossing"));
        }
    }

    private FlossingExperiment() {
    }

    // tag::flossing-experiment-run[]
    /** Runs {@code setup} with {@code settings} from {@code seed} (weights, batches, test set and streams all fork from it). */
    public static Outcome run(Setup setup, Settings settings, long seed) {
        Require.nonNull(setup, "setup");
        Require.nonNull(settings, "settings");
        RandomSource random = RandomSource.seeded(seed);
        AddingProblem task = AddingProblem.sumForm(settings.length());
        RnnModel model = model(setup, settings.hidden(), random.fork("model"));
        Sequence[] test = task.batch(settings.testSize(), random.fork("test"));
        Monitor monitor = new Monitor(model, task, settings, random.fork("monitor"), test);
        long start = System.nanoTime();
        List<FlossingPhase.Step> preflossing = List.of();
        if (setup == Setup.FLOSSING && settings.preflossSteps() > 0) {
            monitor.record(-settings.preflossSteps());                    // before the flossing phase
            preflossing = new FlossingPhase(settings.target(), settings.preflossSteps(), new Adam(settings.learningRate()))
                    .run(model, task, random.fork("preflossing"));
        }
        monitor.record(0);                                                // at the start of training
        TrainingResult result = Trainer.train(model, task, config(setup, settings, random.fork("batches").seed()),
                p -> monitor.onStep(p.step()));
        double seconds = (System.nanoTime() - start) / 1e9;
        double testMse = Evaluation.meanLossPerTarget(model, test);
        return new Outcome(setup, settings.length(), seed, seconds, testMse,
                testMse < SUCCESS_FRACTION * AddingProblem.SUM_FORM_BASELINE_MSE,
                result.history().get(result.history().size() - 1).clipEvents(), monitor.samples,
                profile(model, test, settings.profileSize()), preflossing);
    }
    // end::flossing-experiment-run[]

    /** Adam, full BPTT, clipping except for {@link Setup#NONE}, the flossing term (if scheduled) for {@link Setup#FLOSSING}. */
    static TrainingConfig config(Setup setup, Settings s, long batchSeed) {
        GradientClipper clipper = setup == Setup.NONE ? GradientClipper.none(NonFinitePolicy.SKIP)
                : GradientClipper.globalNorm(s.clip(), NonFinitePolicy.SKIP);
        TrainingConfig config = new TrainingConfig(s.steps(), s.batch(), batchSeed, new FullBptt(),
                new Adam(s.learningRate()), clipper);
        return setup == Setup.FLOSSING && s.schedule() != null
                ? config.withTerm(new FlossingTerm(s.target(), s.schedule())) : config;
    }

    /** A vanilla tanh RNN (input size 2) with a Xavier readout whose bias is 1 (the baseline prediction). */
    static RnnModel model(Setup setup, int hidden, RandomSource random) {
        RecurrentCell cell = new VanillaRnnCell(2, hidden, Activation.TANH);
        if (setup == Setup.ORTHOGONAL) {
            Cells.initialise(cell, Initialiser.orthogonal(1.0), Initialiser.xavierUniform(1.0), random.fork("cell"));
        } else {
            Cells.initialisePyTorchDefault(cell, random.fork("cell"));
        }
        Readout readout = Readout.initialised(hidden, 1, Initialiser.xavierUniform(1.0), random.fork("readout"));
        Arrays.fill(readout.bias().data, 1.0);
        return new RnnModel(cell, readout, new org.rnngradients.bptt.loss.MeanSquaredError());
    }

    /** The mean over the first {@code count} test sequences of log₁₀‖∂L/∂h_t‖ (a zero adjoint counts as −∞ and is skipped). */
    static double[] profile(RnnModel model, Sequence[] test, int count) {
        int length = test[0].length();
        double[] sum = new double[length];
        int[] finite = new int[length];
        AdjointProfiler profiler = new AdjointProfiler();
        for (int s = 0; s < count; s++) {
            GradientProfile p = profiler.profile(model, test[s], null);
            for (int t = 1; t <= length; t++) {
                double v = p.log10Norm(t);
                if (Double.isFinite(v)) {
                    sum[t - 1] += v;
                    finite[t - 1]++;
                }
            }
        }
        for (int t = 0; t < length; t++) {
            sum[t] = finite[t] > 0 ? sum[t] / finite[t] : Double.NEGATIVE_INFINITY;
        }
        return sum;
    }

    /** Records the test MSE and the exponents on a fixed held-out stream before training and every few steps. */
    private static final class Monitor {
        final List<Sample> samples = new ArrayList<>();
        private final RnnModel model;
        private final Sequence[] test;
        private final int every;
        private final LyapunovGradient engine;
        private final DMatrixRMaj[] stream;
        private final double[] exponents;

        Monitor(RnnModel model, AddingProblem task, Settings s, RandomSource random, Sequence[] test) {
            this.model = model;
            this.test = test;
            this.every = s.evaluateEvery();
            FlossingTarget m = s.monitor();
            this.engine = new LyapunovGradient(model.cell(), m.exponents(), m.horizon(), m.warmUp(), FlossingTerm.FRAME_SEED);
            this.stream = new FlossingInputs(m.horizon()).fill(FlossingInputs.draw(task, m.horizon(), random)).clone();
            this.exponents = new double[m.exponents()];
        }

        boolean onStep(long step) {
            if (step % every == 0) {
                record(step);
            }
            return true;
        }

        void record(long step) {
            engine.exponents(model.zeroState(), stream, exponents);
            samples.add(new Sample(step, Evaluation.meanLossPerTarget(model, test), exponents));
        }
    }
}
