package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The life of every command: check the options and load every input first (a problem there is
 * reported before anything is written), then compute into a staging directory, write the manifest,
 * and move the directory into place.
 *
 * @param <P> what {@link #prepare()} builds and {@link #execute} consumes
 */
abstract class ExperimentCommand<P> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    /** Validates the options and builds everything the run needs, writing nothing. */
    abstract P prepare() throws Exception;

    /** The seed recorded in the manifest. */
    abstract long seed();

    /** The files and directories the command reads ({@code --out} must not hold any of them). */
    List<Path> inputs() {
        return List.of();
    }

    /** Computes and writes the results into {@code out}; returns headline results for the manifest. */
    abstract Map<String, Object> execute(P prepared, Path out) throws Exception;

    @Override
    public Integer call() throws Exception {
        OutputTarget.check(output.out, output.force, inputs());
        try {
            P prepared = prepare();
            try (StagedDirectory out = open()) {
                Map<String, Object> results = execute(prepared, out.dir());
                Manifest.write(out.dir(), spec, seed(), results);
                out.commit();
            }
        } catch (OutOfMemoryError e) {
            // ResourceLimits refuses the sizes it can foresee; this is the rest, reported like them (the staging
            // directory is already gone).
            throw new IllegalArgumentException("out of memory: this run needs more than the JVM's maximum heap of "
                    + ResourceLimits.size(Runtime.getRuntime().maxMemory()) + " (raise it with java -Xmx, or choose"
                    + " smaller sizes)");
        }
        spec.commandLine().getOut().println("wrote " + output.out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The staging directory; a place where nothing can be created is bad input naming --out. */
    private StagedDirectory open() {
        try {
            return StagedDirectory.open(output.out, output.force, inputs());
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + output.out + ": cannot create a directory there (" + e + ")");
        }
    }

    /** A progress bar on stderr (silent with --quiet). */
    Progress progress(String label, long total) {
        return Progress.of(spec.commandLine().getErr(), label, total, !output.quiet);
    }
}
