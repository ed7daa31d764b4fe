package org.rnngradients.analysis.cli;

import java.io.IOException;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;

/**
 * What a cell analysis runs on: the cell (initialised or loaded), the inputs x_1..x_T and the initial
 * state s_0, all fixed before anything is written. {@link #write} saves them for reproduction.
 */
final class CellRun {
    final CellKind kind;
    final RecurrentCell cell;
    final DMatrixRMaj[] inputs;
    final DMatrixRMaj initialState;
    final RandomSource random;

    private CellRun(CellKind kind, RecurrentCell cell, DMatrixRMaj[] inputs, DMatrixRMaj initialState,
                    RandomSource random) {
        this.kind = kind;
        this.cell = cell;
        this.inputs = inputs;
        this.initialState = initialState;
        this.random = random;
    }

    /** Validates the options and builds the run with {@code steps} inputs. */
    static CellRun of(ModelOptions model, RunOptions run, int steps) throws IOException {
        model.validate();
        run.validate();
        if (run.input == RunOptions.InputKind.task) {
            throw new IllegalArgumentException("--input task is available with the train command; the analyses take"
                    + " --input none or gaussian");
        }
        RandomSource random = run.random();
        RecurrentCell cell = model.create(null, random);
        DMatrixRMaj[] xs = run.inputs(steps, cell.inputSize(), random);
        return new CellRun(model.cell, cell, xs, run.initialState(cell.stateSize(), random), random);
    }

    /** The number of inputs T. */
    int steps() {
        return inputs.length;
    }

    /** Writes the parameters, the inputs and the initial state. */
    void write(StagedDirectory out) throws IOException {
        RunFiles.parameters(out, cell);
        RunFiles.sequence(out, RunFiles.INPUTS, inputs);
        RunFiles.vector(out, RunFiles.INITIAL_STATE, initialState);
    }

    /** One line describing the cell and its sizes. */
    String describe() {
        return kind.cliName() + " with H = " + cell.hiddenSize() + ", I = " + cell.inputSize() + ", state size "
                + cell.stateSize();
    }
}
