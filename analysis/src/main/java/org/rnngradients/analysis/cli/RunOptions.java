package org.rnngradients.analysis.cli;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of one run: its length, its seed, and where its inputs and initial state come from. */
final class RunOptions {
    /** What drives the cell. */
    enum InputKind {
        /** x_t = 0: the autonomous network. */
        none,
        /** x_t with independent N(0, 1) entries. */
        gaussian,
        /** The inputs of --task's sequences of length T, back to back (I is the task's input size; profile: one sequence). */
        task
    }

    /** The initial state s_0. */
    enum StateKind {
        /** s_0 = 0. */
        zero,
        /** s_0 with independent N(0, 1) entries. */
        gaussian
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--steps", defaultValue = "100", paramLabel = "T", description = "Sequence length T.")
    int steps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random draw (weights, inputs, initial state, targets).")
    long seed;

    @Option(names = "--input", defaultValue = "gaussian", paramLabel = "KIND",
            description = "Inputs x_t: ${COMPLETION-CANDIDATES} (none: x_t = 0; gaussian: N(0, 1) entries; task: the"
                    + " inputs of --task's sequences, back to back; profile then uses one sequence and the task's loss).")
    InputKind input;

    @Option(names = "--h0", defaultValue = "gaussian", paramLabel = "KIND",
            description = "Initial state s_0 ([h; c] for an LSTM): ${COMPLETION-CANDIDATES}.")
    StateKind h0;

    /** Checks the values; a bad one is a ParameterException naming the option. */
    void validate() {
        OptionChecks.positive(spec.commandLine(), steps, "--steps");
    }

    /** The seeded source every random draw of the run forks from. */
    RandomSource random() {
        return RandomSource.seeded(seed);
    }

    /** Inputs x_1..x_count for --input none or gaussian, as the rows of a count × I matrix. */
    DMatrixRMaj inputs(int count, int inputSize, RandomSource random) {
        DMatrixRMaj xs = new DMatrixRMaj(count, inputSize);
        if (input == InputKind.gaussian) {
            RandomMatrices.gaussian(xs, 1.0, random.fork("inputs"));
        }
        return xs;
    }

    /** s_0 of length {@code stateSize}. */
    DMatrixRMaj initialState(int stateSize, RandomSource random) {
        DMatrixRMaj s0 = new DMatrixRMaj(stateSize, 1);
        if (h0 == StateKind.gaussian) {
            RandomMatrices.gaussian(s0, 1.0, random.fork("initial-state"));
        }
        return s0;
    }
}
