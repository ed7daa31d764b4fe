package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.JacobianSource;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine;

/**
 * What a cell analysis runs on: the cell (initialised or loaded), the inputs x_1..x_T (the rows of a
 * T × I matrix) and the initial state s_0, all fixed before anything is written. {@link #write} saves
 * them so the run can be reproduced elsewhere.
 */
final class CellRun {
    final CellKind kind;
    final RecurrentCell cell;
    /** The task of --input task, or null. */
    final Task task;
    final DMatrixRMaj inputs;
    final DMatrixRMaj initialState;
    final RandomSource random;

    private CellRun(CellKind kind, RecurrentCell cell, Task task, DMatrixRMaj inputs, DMatrixRMaj initialState,
                    RandomSource random) {
        this.kind = kind;
        this.cell = cell;
        this.task = task;
        this.inputs = inputs;
        this.initialState = initialState;
        this.random = random;
    }

    /**
     * Validates the options and builds the run with {@code steps} inputs: zero, Gaussian, or (--input task)
     * the inputs of the task's sequences of length --steps, drawn back to back.
     */
    static CellRun of(ModelOptions model, RunOptions run, TaskOptions tasks, int steps, Demand demand) throws IOException {
        model.validate();
        run.validate();
        CommandLine cl = model.spec.commandLine();
        RandomSource random = run.random();
        Task task = run.input == RunOptions.InputKind.task ? tasks.create(run.steps) : null;
        if (model.weights == null) {
            ResourceLimits.cell(cl, model.cell.gates(), model.hidden, task == null ? model.inputSize : task.inputSize());
        }
        RecurrentCell cell = model.create(task == null ? null : task.inputSize(), random);
        ResourceLimits.inputs(cl, steps, cell.inputSize());
        demand.check(cl, cell);
        DMatrixRMaj xs = task == null ? run.inputs(steps, cell.inputSize(), random)
                : taskInputs(task, steps, random.fork("inputs"));
        return new CellRun(model.cell, cell, task, xs, run.initialState(cell.stateSize(), random), random);
    }

    /** What an analysis will allocate for a cell, checked (by {@link ResourceLimits}) before anything is. */
    @FunctionalInterface
    interface Demand {
        /** Throws a ParameterException naming the options when {@code cell}'s analysis cannot fit. */
        void check(CommandLine cl, RecurrentCell cell);
    }

    /** The first sequence of the task, targets included: the one the inputs start with. Needs --input task. */
    Sequence taskSequence() {
        return task.sample(random.fork("inputs"));
    }

    /** This run with exactly the inputs of {@link #taskSequence()} (whose length may differ from T). */
    CellRun onTaskSequence() {
        DMatrixRMaj xs = taskInputs(task, taskSequence().length(), random.fork("inputs"));
        return new CellRun(kind, cell, task, xs, initialState, random);
    }

    /** {@code count} inputs from the task's sequences, one after another (the last one cut short). */
    private static DMatrixRMaj taskInputs(Task task, int count, RandomSource random) {
        int size = task.inputSize();
        DMatrixRMaj xs = new DMatrixRMaj(count, size);
        int row = 0;
        while (row < count) {
            Sequence s = task.sample(random);
            for (int t = 1; t <= s.length() && row < count; t++) {
                System.arraycopy(s.input(t).data, 0, xs.data, row++ * size, size);
            }
        }
        return xs;
    }

    /** The number of inputs T. */
    int steps() {
        return inputs.numRows;
    }

    /** x_1..x_T as separate I × 1 columns. */
    DMatrixRMaj[] inputColumns() {
        DMatrixRMaj[] xs = new DMatrixRMaj[inputs.numRows];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = new DMatrixRMaj(inputs.numCols, 1);
            System.arraycopy(inputs.data, t * inputs.numCols, xs[t].data, 0, inputs.numCols);
        }
        return xs;
    }

    /** The trajectory s_0 → s_1 → … as a source of step Jacobians, counting each step on {@code progress}. */
    JacobianSource trajectory(Progress progress) {
        JacobianSource inner = new CellTrajectory(cell, rows(), initialState);
        return new JacobianSource() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public void advance(DMatrixRMaj jacobian) {
                inner.advance(jacobian);
                progress.advance(1);
            }

            // The frame step J_t·Q of the trajectory itself (diag(φ′)·(W·Q), J_t never formed): the same numbers
            // as the library's LyapunovSpectrum on a CellTrajectory, to the last bit.
            @Override
            public void advance(DMatrixRMaj frame, DMatrixRMaj image) {
                inner.advance(frame, image);
                progress.advance(1);
            }
        };
    }

    /** The rows of {@link #inputs} in order, without copying them into separate vectors. */
    private InputSequence rows() {
        return new InputSequence() {
            private int t;

            @Override
            public int inputSize() {
                return inputs.numCols;
            }

            @Override
            public void next(DMatrixRMaj out) {
                if (t >= inputs.numRows) {
                    throw new IllegalStateException("inputs exhausted after " + inputs.numRows + " steps");
                }
                System.arraycopy(inputs.data, t++ * inputs.numCols, out.data, 0, inputs.numCols);
            }
        };
    }

    /** Writes the parameters, the inputs and the initial state. */
    void write(Path out) throws IOException {
        RunFiles.parameters(out, cell);
        Npy.writeMatrix(out.resolve(RunFiles.INPUTS), inputs);
        RunFiles.vector(out, RunFiles.INITIAL_STATE, initialState);
    }

    /** One line describing the cell and its sizes. */
    String describe() {
        return kind.cliName() + " with H = " + cell.hiddenSize() + ", I = " + cell.inputSize() + ", state size "
                + cell.stateSize();
    }
}
