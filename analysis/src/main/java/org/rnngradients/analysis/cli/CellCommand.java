package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Mixin;

/**
 * A command that analyses one cell along one trajectory: the options of the cell ({@link ModelOptions}),
 * of the run ({@link RunOptions}) and of the task that --input task draws from ({@link TaskOptions}).
 *
 * @param <P> what {@link #prepare()} builds and {@link #execute} consumes
 */
abstract class CellCommand<P> extends ExperimentCommand<P> {
    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Mixin
    TaskOptions tasks;

    @Override
    List<Path> inputs() {
        return model.weights == null ? List.of() : List.of(model.weights);
    }

    @Override
    long seed() {
        return run.seed;
    }

    /**
     * Validates the options and builds the cell, its {@code steps} inputs and its initial state, once {@code demand}
     * has found that the analysis fits in memory.
     */
    CellRun cellRun(int steps, CellRun.Demand demand) throws IOException {
        return CellRun.of(model, run, tasks, steps, demand);
    }
}
