package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.rnngradients.analysis.Regime;
import org.rnngradients.analysis.sweep.LyapunovTask;
import org.rnngradients.analysis.sweep.SweepJournal;
import org.rnngradients.analysis.sweep.SweepPoint;
import org.rnngradients.analysis.sweep.SweepResult;
import org.rnngradients.analysis.sweep.SweepRunner;
import org.rnngradients.cells.CellKind;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sweep}: λ_1 of autonomous random networks over cell × N × gain × seed, resumable, on every core. */
@Command(name = "sweep", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Largest Lyapunov exponent lambda_1 of the autonomous network (zero input, N(0, 1) initial state,"
                + " --init gaussian at each gain: every gate block of W_hh N(0, g^2/N), zero biases) for every"
                + " cell x hidden size x gain x seed, one point per task on a pool of threads.",
            "Resumable: results are appended to DIR/sweep.csv one whole row at a time, and running the same command"
                + " again computes only the points not yet there (a crash loses at most the points in flight)."
                + " When every point is done, sweep.csv is rewritten in grid order (the same bytes whatever the"
                + " thread count or interruptions), and summary.csv (mean, standard error, T/2 check and, for"
                + " rnn-tanh, the mean-field theory per gain), crossings.csv (the gain where lambda_1 crosses 0 and"
                + " epsilon, with bootstrap errors), lyapunov-vs-gain.svg and manifest.json are written. A directory"
                + " without manifest.json holds an unfinished sweep."})
final class SweepCommand implements Callable<Integer> {
    static final String RESULTS = "sweep.csv";
    static final String SUMMARY = "summary.csv";
    static final String CROSSINGS = "crossings.csv";
    static final String PLOT = "lyapunov-vs-gain.svg";

    @Spec
    CommandSpec spec;

    @Option(names = "--cells", defaultValue = "rnn-tanh", paramLabel = "LIST",
            description = "Cells, comma-separated, from: ${COMPLETION-CANDIDATES}.",
            completionCandidates = CellKindConverter.Names.class)
    String cells;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "LIST", description = "Hidden sizes N, comma-separated.")
    String hidden;

    @Option(names = "--gains", defaultValue = "0.5:3:0.25", paramLabel = "LIST",
            description = "Gains g: values and from:to:step ranges (exact decimal steps), comma-separated.")
    String gains;

    @Option(names = "--seeds", defaultValue = "1:8", paramLabel = "LIST",
            description = "Seeds (one network each, the same draw scaled at every gain): values and from:to ranges.")
    String seeds;

    @Option(names = "--warm-up", defaultValue = "1000", paramLabel = "STEPS",
            description = "Steps run before counting (transients, frame alignment).")
    int warmUp;

    @Option(names = "--steps", defaultValue = "10000", paramLabel = "T",
            description = "Counted steps T (a multiple of 2 x --interval; lambda_1 over T/2 is kept as a check).")
    int steps;

    @Option(names = "--interval", defaultValue = "1", paramLabel = "M", description = "Steps between re-orthonormalisations.")
    int interval;

    @Option(names = "--radius", description = "Also compute the spectral radius of W_hh (vanilla cells only; O(N^3)).")
    boolean radius;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "K",
            description = "Worker threads (0 = one per available core).")
    int threads;

    @Option(names = "--epsilon", defaultValue = "" + Regime.DEFAULT_EPSILON, paramLabel = "EPS",
            description = "Margin of the exploding regime (lambda_1 > EPS) in the summary and crossings.")
    double epsilon;

    @Option(names = "--bootstrap", defaultValue = "2000", paramLabel = "B",
            description = "Bootstrap resamples of the seeds for the crossing's standard error.")
    int bootstrap;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; an existing one holding sweep.csv is resumed.")
    Path out;

    @Option(names = "--force", description = "Start over: replace DIR if it is an earlier run (its manifest.json) or an"
            + " unfinished sweep (sweep.csv alone); the new run is written beside it and swapped in at the end.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        List<SweepPoint> grid = grid();
        LyapunovTask task = task(grid);
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Path target = target();
        try (StagedDirectory replacement = force && Files.isDirectory(target) && !isEmpty(target) ? StagedDirectory.replacing(target) : null) {
            Path dir = replacement == null ? inPlace(target) : replacement.dir();
            List<SweepResult> results;
            try (SweepJournal journal = SweepJournal.open(dir.resolve(RESULTS), task)) {
                results = new SweepRunner(task, workers).run(grid, journal, listener(workers));
            }
            Map<String, Object> headline = SweepReport.write(dir, results, epsilon, bootstrap, grid.get(0).seed());
            Manifest.write(dir, spec, grid.get(0).seed(), headline);
            if (replacement != null) {
                replacement.commit();
            }
        }
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The Lyapunov settings, checked; a bad value is a ParameterException naming the option. */
    private LyapunovTask task(List<SweepPoint> grid) {
        CommandLine cl = spec.commandLine();
        OptionChecks.nonNegative(cl, warmUp, "--warm-up");
        OptionChecks.positive(cl, steps, "--steps");
        OptionChecks.positive(cl, interval, "--interval");
        OptionChecks.nonNegative(cl, threads, "--threads");
        OptionChecks.nonNegative(cl, epsilon, "--epsilon");
        OptionChecks.positive(cl, bootstrap, "--bootstrap");
        if (steps % interval != 0 || steps / interval % 2 != 0) {      // 2 * interval may overflow an int
            throw new ParameterException(cl, "--steps must be a multiple of 2 x --interval = " + 2L * interval
                    + ", was " + steps);
        }
        if (radius && grid.stream().anyMatch(p -> p.cell().gates() != 1)) {
            throw new ParameterException(cl, "--radius needs vanilla cells only (W_hh of a gated cell is not square),"
                    + " was --cells " + cells);
        }
        return new LyapunovTask(warmUp, steps, interval, radius);
    }

    /** cells × hidden × gains × seeds, nested in that order (the order of the finished sweep.csv). */
    private List<SweepPoint> grid() {
        CommandLine cl = spec.commandLine();
        List<CellKind> c;
        List<Long> n;
        List<Double> g;
        List<Long> s;
        try {
            c = GridSpec.cells(cells, "--cells");
            n = GridSpec.sizes(hidden, "--hidden");
            g = GridSpec.gains(gains, "--gains");
            s = GridSpec.seeds(seeds, "--seeds");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        List<SweepPoint> grid = new ArrayList<>();
        for (CellKind cell : c) {
            for (long size : n) {
                for (double gain : g) {
                    for (long seed : s) {
                        grid.add(new SweepPoint(cell, (int) size, gain, seed));
                    }
                }
            }
        }
        return grid;
    }

    /**
     * --out, checked as every command checks it ({@link OutputTarget#location}): never the working directory or an
     * ancestor. Without --force an existing directory must be empty or hold sweep.csv (resumed in place); with it,
     * a non-empty one must be an earlier run or an unfinished sweep, and is replaced only when the new run is done.
     */
    private Path target() {
        Path dir = OutputTarget.location(out);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
        }
        if (!Files.exists(dir) || isEmpty(dir)) {
            return dir;
        }
        if (force) {
            OutputTarget.checkEarlierRun(out, dir, RESULTS, "cell,hidden,gain,seed,");
        } else if (!Files.exists(dir.resolve(RESULTS))) {
            throw new IllegalArgumentException("--out " + out + " exists and holds no " + RESULTS
                    + " to resume (add --force to replace an earlier run)");
        }
        return dir;
    }

    /** The directory resumed (or started) in place; stale summaries of an earlier finish are removed. */
    private static Path inPlace(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String stale : List.of(Manifest.FILE, SUMMARY, CROSSINGS, PLOT)) {
            Files.deleteIfExists(dir.resolve(stale));
        }
        return dir;
    }

    /** Whether {@code dir} is a directory with nothing in it (false for one that does not exist). */
    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports the start on stderr and advances a progress bar per finished point. */
    private SweepRunner.Listener listener(int workers) {
        return new SweepRunner.Listener() {
            private Progress progress;
            private int remaining;

            @Override
            public void started(int points, int alreadyDone) {
                remaining = points - alreadyDone;
                if (!quiet) {
                    spec.commandLine().getErr().println("sweep: " + points + " points, " + alreadyDone + " already in "
                            + out + ", " + remaining + " to compute on " + workers + " thread(s)");
                }
                progress = Progress.of(spec.commandLine().getErr(), "sweep", remaining, !quiet);
                if (remaining == 0) {
                    progress.finish();
                }
            }

            @Override
            public void completed(SweepResult result) {
                progress.advance(1);
                if (--remaining == 0) {
                    progress.finish();
                }
            }
        };
    }
}
