package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that make the cell: its kind and sizes, and either an initialisation or saved weights. */
final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cell", defaultValue = "rnn-tanh", converter = CellKindConverter.class,
            completionCandidates = CellKindConverter.Names.class, paramLabel = "KIND",
            description = "Cell: ${COMPLETION-CANDIDATES}.")
    CellKind cell;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--input-size", defaultValue = "1", paramLabel = "I",
            description = "Input size I (--input task uses the task's size).")
    int inputSize;

    @Option(names = "--init", defaultValue = "gaussian", paramLabel = "SCHEME",
            description = "Recurrent weights W_hh: ${COMPLETION-CANDIDATES} (per gate block; W_ih is PyTorch's"
                    + " default U[±1/√H]; biases zero, except that pytorch is PyTorch's default for everything).")
    InitScheme init;

    @Option(names = "--gain", defaultValue = "1.0", paramLabel = "G",
            description = "Gain g of W_hh: N(0, g²/H) entries for gaussian (the chaos-study ensemble), singular values g"
                    + " for orthogonal, g·I for identity, g times the scheme's draw for the others.")
    double gain;

    @Option(names = "--weights", paramLabel = "DIR",
            description = "Load the cell from weight_ih_l0.npy, weight_hh_l0.npy, bias_ih_l0.npy, bias_hh_l0.npy"
                    + " in DIR (PyTorch state_dict names) instead of --init; H and I come from the files.")
    Path weights;

    /** Checks the values; a bad one is a ParameterException naming the option. */
    void validate() {
        OptionChecks.positive(spec.commandLine(), hidden, "--hidden");
        OptionChecks.positive(spec.commandLine(), inputSize, "--input-size");
        OptionChecks.positive(spec.commandLine(), gain, "--gain");
        if (weights != null && !Files.isDirectory(weights)) {
            throw new ParameterException(spec.commandLine(), "--weights " + weights + (Files.exists(weights)
                    ? " is not a directory" : " does not exist") + " (it must be a directory holding "
                    + StateDictIO.fileName(CellParameters.WEIGHT_IH) + ", " + StateDictIO.fileName(CellParameters.WEIGHT_HH)
                    + ", " + StateDictIO.fileName(CellParameters.BIAS_IH) + " and "
                    + StateDictIO.fileName(CellParameters.BIAS_HH) + ")");
        }
    }

    /** Whether the user typed {@code option} (rather than taking its default). */
    boolean given(String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * A cell from --weights (sizes checked against an explicit --hidden or --input-size and against
     * {@code taskInput}), or a new cell initialised by --init and --gain from {@code random}, with input
     * size {@code taskInput} when a task fixes it (null otherwise: --input-size).
     */
    RecurrentCell create(Integer taskInput, RandomSource random) throws IOException {
        if (weights != null) {
            return load(taskInput);
        }
        RecurrentCell c = cell.create(taskInput != null ? taskInput : inputSize, hidden);
        init.initialise(c, gain, random.fork("parameters"));
        return c;
    }

    private RecurrentCell load(Integer taskInput) throws IOException {
        CellParameters p = StateDictIO.load(weights, cell.gates());
        int h = p.weightHh().numCols;
        int i = p.weightIh().numCols;
        Path hh = weights.resolve(StateDictIO.fileName(CellParameters.WEIGHT_HH));
        Path ih = weights.resolve(StateDictIO.fileName(CellParameters.WEIGHT_IH));
        if (given("--hidden") && hidden != h) {
            throw new IllegalArgumentException("--hidden " + hidden + " does not match " + hh + " (H = " + h + ")");
        }
        if (given("--input-size") && inputSize != i) {
            throw new IllegalArgumentException("--input-size " + inputSize + " does not match " + ih + " (I = " + i + ")");
        }
        if (taskInput != null && taskInput != i) {
            throw new IllegalArgumentException(ih + ": input size " + i + " does not match the task's input size "
                    + taskInput);
        }
        RecurrentCell c = cell.create(i, h);
        c.setParameters(p);
        return c;
    }
}
