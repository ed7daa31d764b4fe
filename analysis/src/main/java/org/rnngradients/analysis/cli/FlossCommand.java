package org.rnngradients.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rnngradients.bptt.floss.FlossingExperiment;
import org.rnngradients.bptt.floss.FlossingExperiment.Outcome;
import org.rnngradients.bptt.floss.FlossingExperiment.Settings;
import org.rnngradients.bptt.floss.FlossingExperiment.Setup;
import org.rnngradients.bptt.floss.FlossingSchedule;
import org.rnngradients.bptt.floss.FlossingTarget;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floss}: gradient flossing against no remedy, clipping and orthogonal init on the adding problem. */
@Command(name = "floss", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Train vanilla tanh RNNs on the adding problem (sum form, baseline MSE 1/6) at each length T with"
                + " each set-up (none: PyTorch init, no clipping; clipping; orthogonal: orthogonal W_hh and clipping;"
                + " flossing: a flossing phase on sum(lambda_i^2) before training, then clipping and the flossing term"
                + " every --floss-interval steps) and each seed, one run at a time.",
            "Writes runs.csv (one row per run, with its time), summary.csv (success rate per set-up and T; success ="
                + " test MSE < 0.1 x 1/6), lyapunov.csv (test MSE and the top exponents on a held-out input stream"
                + " during training), profiles.csv (mean log10 ||dL/dh_t|| over test sequences at the end),"
                + " preflossing.csv and manifest.json."})
final class FlossCommand extends ExperimentCommand<FlossCommand.Plan> {
    @Option(names = "--lengths", split = ",", defaultValue = "40,80", paramLabel = "T", description = "Sequence lengths.")
    List<Integer> lengths;

    @Option(names = "--setups", split = ",", defaultValue = "none,clipping,orthogonal,flossing", paramLabel = "NAME",
            description = "Set-ups: none, clipping, orthogonal, flossing.")
    List<String> setups;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N", description = "Seeds per set-up and length.")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", paramLabel = "S", description = "Seeds are S, S+1, ...")
    long firstSeed;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--iterations", defaultValue = "5000", paramLabel = "N", description = "Training steps.")
    int iterations;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Sequences per step.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.003", paramLabel = "RATE", description = "Adam's learning rate (training and flossing phase).")
    double learningRate;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "THETA", description = "Global-norm clipping threshold.")
    double clip;

    @Option(names = "--exponents", defaultValue = "16", paramLabel = "K", description = "Flossed (and monitored) exponents k.")
    int exponents;

    @Option(names = "--floss-horizon", defaultValue = "100", paramLabel = "T", description = "Flossing horizon T_floss.")
    int flossHorizon;

    @Option(names = "--floss-warm-up", defaultValue = "10", paramLabel = "W", description = "Uncounted warm-up steps of the horizon.")
    int flossWarmUp;

    @Option(names = "--prefloss", defaultValue = "500", paramLabel = "N", description = "Flossing-phase steps before training.")
    int preflossSteps;

    @Option(names = "--floss-term", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add the flossing term during training (--no-floss-term: flossing phase before training only).")
    boolean flossTerm;

    @Option(names = "--floss-weight", defaultValue = "1.0", paramLabel = "W", description = "Weight of sum(lambda_i^2) during training.")
    double flossWeight;

    @Option(names = "--floss-interval", defaultValue = "10", paramLabel = "N", description = "The term acts every N-th step.")
    int flossInterval;

    @Option(names = "--floss-episodes", defaultValue = "0", paramLabel = "N",
            description = "The term acts at most N times (0: no limit).")
    int flossEpisodes;

    @Option(names = "--monitor-horizon", defaultValue = "300", paramLabel = "T", description = "Held-out stream for the exponents.")
    int monitorHorizon;

    @Option(names = "--monitor-warm-up", defaultValue = "50", paramLabel = "W", description = "Its uncounted warm-up.")
    int monitorWarmUp;

    @Option(names = "--eval-every", defaultValue = "250", paramLabel = "N", description = "Steps between evaluations.")
    int evaluateEvery;

    @Option(names = "--test-size", defaultValue = "500", paramLabel = "N", description = "Test sequences.")
    int testSize;

    @Option(names = "--profile-size", defaultValue = "20", paramLabel = "N", description = "Test sequences profiled at the end.")
    int profileSize;

    /** The runs to do, built and checked before anything is written. */
    record Plan(List<Setup> setups, List<Settings> settings) {
    }

    @Override
    Plan prepare() {
        validate();
        List<Setup> chosen = new ArrayList<>();
        for (String name : setups) {
            try {
                chosen.add(Setup.fromCliName(name));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--setups: " + e.getMessage());
            }
        }
        List<Settings> all = new ArrayList<>();
        for (int length : lengths) {
            all.add(settings(length));
        }
        return new Plan(chosen, all);
    }

    private void validate() {
        var cl = spec.commandLine();
        for (int length : lengths) {
            OptionChecks.positive(cl, length - 1, "--lengths (each >= 2)");
        }
        OptionChecks.positive(cl, seeds, "--seeds");
        OptionChecks.nonNegative(cl, flossEpisodes, "--floss-episodes");
        OptionChecks.positive(cl, learningRate, "--lr");
        OptionChecks.positive(cl, clip, "--clip");
        OptionChecks.positive(cl, flossWeight, "--floss-weight");
    }

    /** The settings of one length; a value the library rejects is reported naming its option. */
    private Settings settings(int length) {
        try {
            return new Settings(length, hidden, iterations, batch, learningRate, clip,
                    new FlossingTarget(exponents, flossHorizon, flossWarmUp), preflossSteps,
                    flossTerm ? new FlossingSchedule(flossWeight, flossInterval,
                            flossEpisodes == 0 ? FlossingSchedule.UNLIMITED : flossEpisodes) : null,
                    new FlossingTarget(exponents, monitorHorizon, monitorWarmUp), evaluateEvery, testSize, profileSize);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid settings: " + e.getMessage()
                    + " (see --exponents, --hidden, --floss-*, --monitor-*, --eval-every, --test-size, --profile-size)");
        }
    }

    @Override
    long seed() {
        return firstSeed;
    }

    @Override
    Map<String, Object> execute(Plan plan, Path out) throws java.io.IOException {
        List<Outcome> outcomes = new ArrayList<>();
        Progress progress = progress("floss", (long) plan.settings().size() * plan.setups().size() * seeds);
        for (Settings s : plan.settings()) {
            for (Setup setup : plan.setups()) {
                for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    outcomes.add(FlossingExperiment.run(setup, s, seed));
                    progress.advance(1);
                }
            }
        }
        progress.finish();
        RunFiles.csv(out, "runs.csv", FlossTables.runs(outcomes));
        RunFiles.csv(out, "summary.csv", FlossTables.summary(outcomes));
        RunFiles.csv(out, "lyapunov.csv", FlossTables.lyapunov(outcomes, exponents));
        RunFiles.csv(out, "profiles.csv", FlossTables.profiles(outcomes));
        RunFiles.csv(out, "preflossing.csv", FlossTables.preflossing(outcomes));
        return FlossTables.headline(outcomes);
    }
}
